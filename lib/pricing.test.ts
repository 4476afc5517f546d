import { describe, expect, it } from 'vitest';
import { FREE_SHIPPING_THRESHOLD, priceCart, SHIPPING_FEE, shippingFeeFor } from '@/lib/pricing';
import type { Product } from '@/lib/catalog';

const product = (id: string, price: number): Product => ({
  id,
  slug: id,
  category: 'tea',
  name: { ja: id, en: id },
  description: { ja: '', en: '' },
  price,
  image: `/products/${id}.svg`,
  maker: { ja: 'テスト', en: 'Test' },
});
const catalog = new Map([
  ['a', product('a', 980)],
  ['b', product('b', 1540)],
  ['c', product('c', 4020)],
]);
const lookup = (id: string) => catalog.get(id);

describe('priceCart', () => {
  it('prices lines from the catalog and adds the shipping fee below the threshold', () => {
    const cart = priceCart([{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 1 }], lookup);
    expect(cart.lines.map((l) => l.lineTotal)).toEqual([2940, 1540]);
    expect(cart.subtotal).toBe(4480);
    expect(cart.shippingFee).toBe(SHIPPING_FEE);
    expect(cart.total).toBe(4480 + SHIPPING_FEE);
    expect(cart.itemCount).toBe(4);
  });

  it('ships free at exactly the threshold', () => {
    const cart = priceCart([{ productId: 'a', quantity: 1 }, { productId: 'c', quantity: 1 }], lookup);
    expect(cart.subtotal).toBe(FREE_SHIPPING_THRESHOLD);
    expect(cart.shippingFee).toBe(0);
    expect(cart.total).toBe(FREE_SHIPPING_THRESHOLD);
  });

  it('drops products the catalog no longer has, and reports them', () => {
    const cart = priceCart([{ productId: 'gone', quantity: 2 }, { productId: 'a', quantity: 1 }], lookup);
    expect(cart.droppedProductIds).toEqual(['gone']);
    expect(cart.lines).toHaveLength(1);
    expect(cart.total).toBe(980 + SHIPPING_FEE);
  });

  it('charges no shipping for an empty cart', () => {
    expect(priceCart([], lookup)).toMatchObject({ subtotal: 0, shippingFee: 0, total: 0 });
    expect(shippingFeeFor(0)).toBe(0);
    expect(shippingFeeFor(FREE_SHIPPING_THRESHOLD - 1)).toBe(SHIPPING_FEE);
  });

  it('uses the real catalog by default', () => {
    const cart = priceCart([{ productId: 'p_sencha', quantity: 2 }]);
    expect(cart.lines[0]?.unitPrice).toBeGreaterThan(0);
    expect(Number.isInteger(cart.total)).toBe(true);
  });
});
