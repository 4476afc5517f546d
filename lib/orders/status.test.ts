import { describe, expect, it } from 'vitest';
import { abandonableStatuses, canTransition, isPaid, isSettled, orderStatuses, statusFromSmartpay, type OrderStatus } from '@/lib/orders/status';

const smartpayNews: OrderStatus[] = ['requires_capture', 'succeeded', 'rejected', 'canceled', 'refunded'];

describe('order status table', () => {
  it('never stays in place and never goes back to pending', () => {
    for (const s of orderStatuses) {
      expect(canTransition(s, s)).toBe(false);
      expect(canTransition(s, 'pending')).toBe(false);
    }
  });

  it('lets only unpaid orders become abandoned', () => {
    expect([...abandonableStatuses].sort()).toEqual(['awaiting_authorization', 'failed', 'pending']);
    for (const s of orderStatuses) expect(canTransition(s, 'abandoned')).toBe((abandonableStatuses as readonly string[]).includes(s));
  });

  it("moves an abandoned order on Smartpay's news, but not back to awaiting authorization", () => {
    for (const to of smartpayNews) expect(canTransition('abandoned', to)).toBe(true);
    expect(canTransition('abandoned', 'awaiting_authorization')).toBe(false);
    expect(canTransition('abandoned', 'failed')).toBe(false);
    // What a re-check of an order still on Smartpay's page maps to: it leaves an abandoned order as it is.
    expect(canTransition('abandoned', statusFromSmartpay('requires_authorization'))).toBe(false);
    expect(canTransition('abandoned', statusFromSmartpay('succeeded'))).toBe(true);
    expect(canTransition('abandoned', statusFromSmartpay('rejected'))).toBe(true);
  });

  it('keeps asking Smartpay about an abandoned order, which is not paid', () => {
    expect(isSettled('abandoned')).toBe(false);
    expect(isPaid('abandoned')).toBe(false);
    expect(isSettled('canceled')).toBe(true);
  });

  it('keeps settled statuses settled', () => {
    for (const from of ['succeeded', 'rejected', 'canceled', 'refunded', 'requires_capture'] as const) {
      expect(canTransition(from, 'awaiting_authorization')).toBe(false);
      expect(canTransition(from, 'abandoned')).toBe(false);
    }
    for (const from of ['rejected', 'canceled', 'refunded'] as const) {
      for (const to of orderStatuses) expect(canTransition(from, to)).toBe(false);
    }
  });
});
