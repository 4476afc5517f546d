import { describe, expect, it } from 'vitest';
import { addToCart, countItems, MAX_CART_LINES, parseCart, removeFromCart, serializeCart, setQuantity } from '@/lib/cart/cart';

describe('cart', () => {
  it('round-trips through its cookie value', () => {
    const cart = [{ productId: 'p_a', quantity: 2 }, { productId: 'p_b', quantity: 1 }];
    expect(parseCart(serializeCart(cart))).toEqual(cart);
  });

  it('reads anything unreadable as an empty cart', () => {
    expect(parseCart(undefined)).toEqual([]);
    expect(parseCart('not json')).toEqual([]);
    expect(parseCart('{"productId":"x"}')).toEqual([]);
  });

  it('ignores invalid and duplicate lines, and never holds more than 50', () => {
    const raw = JSON.stringify([
      { productId: 'p_a', quantity: 0 },
      { productId: 'p_b', quantity: 100 },
      { productId: 'p_c', quantity: 1.5 },
      { productId: 'p_d', quantity: 2, price: 1 },
      { productId: 'p_d', quantity: 5 },
      ...Array.from({ length: 60 }, (_, i) => ({ productId: `x${i}`, quantity: 1 })),
    ]);
    const cart = parseCart(raw);
    expect(cart[0]).toEqual({ productId: 'p_d', quantity: 2 });
    expect(cart).toHaveLength(MAX_CART_LINES);
  });

  it('adds, merges lines and caps the quantity at 99', () => {
    let change = addToCart([], 'p_a', 2);
    expect(change).toEqual({ ok: true, cart: [{ productId: 'p_a', quantity: 2 }] });
    change = addToCart(change.ok ? change.cart : [], 'p_a', 98);
    expect(change.ok && change.cart).toEqual([{ productId: 'p_a', quantity: 99 }]);
    expect(addToCart([], 'p_a', 0)).toEqual({ ok: false, reason: 'invalid-quantity' });
  });

  it('refuses a 51st line', () => {
    const full = Array.from({ length: MAX_CART_LINES }, (_, i) => ({ productId: `p${i}`, quantity: 1 }));
    expect(addToCart(full, 'p_new')).toEqual({ ok: false, reason: 'too-many-lines' });
    expect(addToCart(full, 'p0').ok).toBe(true);
  });

  it('sets quantities from 1 to 99 only', () => {
    const cart = [{ productId: 'p_a', quantity: 1 }];
    expect(setQuantity(cart, 'p_a', 5)).toEqual({ ok: true, cart: [{ productId: 'p_a', quantity: 5 }] });
    for (const bad of [0, 100, 2.5, Number.NaN]) expect(setQuantity(cart, 'p_a', bad).ok).toBe(false);
  });

  it('removes lines and counts items', () => {
    const cart = [{ productId: 'p_a', quantity: 2 }, { productId: 'p_b', quantity: 3 }];
    expect(countItems(cart)).toBe(5);
    expect(removeFromCart(cart, 'p_a')).toEqual([{ productId: 'p_b', quantity: 3 }]);
  });
});
