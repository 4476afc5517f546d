import { describe, expect, it } from 'vitest';
import { cartTotals, FREE_SHIPPING_THRESHOLD, SHIPPING_FEE, withQuantity } from '@/lib/cart-totals';
import { MAX_QUANTITY, MIN_QUANTITY } from '@/lib/cart/limits';
import { priceCart } from '@/lib/pricing';

const limits = { min: MIN_QUANTITY, max: MAX_QUANTITY };
const lines = [
  { productId: 'p_sencha', unitPrice: 1280, quantity: 1 },
  { productId: 'p_hojicha', unitPrice: 980, quantity: 2 },
];

describe('cartTotals', () => {
  it('adds the shipping fee below the threshold and none from it', () => {
    expect(cartTotals(lines)).toEqual({ itemCount: 3, subtotal: 3240, shippingFee: SHIPPING_FEE, total: 3240 + SHIPPING_FEE });
    const free = cartTotals([{ unitPrice: FREE_SHIPPING_THRESHOLD, quantity: 1 }]);
    expect(free).toMatchObject({ shippingFee: 0, total: FREE_SHIPPING_THRESHOLD });
  });

  it('gives the totals the server prices the same cart at', () => {
    const cart = priceCart([
      { productId: 'p_sencha', quantity: 3 },
      { productId: 'p_hojicha', quantity: 2 },
    ]);
    const { subtotal, shippingFee, total, itemCount } = cart;
    expect(cartTotals(cart.lines)).toEqual({ subtotal, shippingFee, total, itemCount });
  });
});

describe('withQuantity', () => {
  it('changes the quantity of one line only', () => {
    expect(withQuantity(lines, { productId: 'p_hojicha', quantity: 5 }, limits)).toEqual([
      lines[0],
      { productId: 'p_hojicha', unitPrice: 980, quantity: 5 },
    ]);
  });

  it('changes nothing for a quantity the server would refuse', () => {
    for (const quantity of [0, MAX_QUANTITY + 1, 2.5, Number.NaN]) {
      expect(withQuantity(lines, { productId: 'p_hojicha', quantity }, limits)).toEqual(lines);
    }
  });
});
