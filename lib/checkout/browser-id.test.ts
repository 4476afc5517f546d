import { describe, expect, it } from 'vitest';
import { browserOwner, isOwnedBy, newBrowserId } from '@/lib/checkout/browser-id';

describe('isOwnedBy', () => {
  it('is true only for the browser whose id made the order’s owner', () => {
    const mine = newBrowserId();
    const order = { owner: browserOwner(mine) };
    expect(isOwnedBy(order, mine)).toBe(true);
    expect(isOwnedBy(order, newBrowserId())).toBe(false);
    expect(isOwnedBy(order, undefined)).toBe(false);
  });

  it('gives an order without an owner to nobody', () => {
    expect(isOwnedBy({ owner: null }, newBrowserId())).toBe(false);
  });
});
