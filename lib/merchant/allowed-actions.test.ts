import { describe, expect, it } from 'vitest';
import { allowedActions, capturableAmount, isActionAllowed, refundableAmount } from '@/lib/merchant/allowed-actions';
import { describeActionState } from '@/lib/merchant/describe-state';
import { en, ja } from '@/lib/i18n/messages/merchant';

const order = (status: Parameters<typeof allowedActions>[0]['status'], capturedAmount = 0, refundedAmount = 0) => ({
  status,
  total: 1600,
  capturedAmount,
  refundedAmount,
});

describe('merchant actions by status', () => {
  it('offers what Smartpay allows in each status', () => {
    expect(allowedActions(order('requires_capture'))).toEqual(['capture', 'cancel']);
    expect(allowedActions(order('requires_capture', 600))).toEqual(['capture', 'cancel']);
    expect(allowedActions(order('succeeded', 1600))).toEqual(['refund']);
    expect(allowedActions(order('succeeded', 1600, 1600))).toEqual([]);
    for (const status of ['pending', 'failed', 'rejected', 'canceled', 'refunded', 'abandoned'] as const) {
      expect(allowedActions(order(status, 1600))).toEqual([]);
    }
  });

  it('says when to try again after too many actions, in both languages', () => {
    const refused = { status: 'error' as const, action: 'refund' as const, at: 1, error: { reason: 'too-many-requests' as const, retryAfterSeconds: 42 } };
    expect(describeActionState(refused, ja, 'ja')).toEqual({ tone: 'error', text: 'このアドレスからの操作が多すぎます。42 秒後にもう一度お試しください。' });
    expect(describeActionState(refused, en, 'en')).toEqual({ tone: 'error', text: 'Too many actions from this address. Please try again in 42 s.' });
  });

  it('offers nothing on an abandoned order, and says so in both languages when an action is tried', () => {
    for (const action of ['capture', 'cancel', 'refund'] as const) expect(isActionAllowed(order('abandoned', 1600), action)).toBe(false);
    const refused = { status: 'error' as const, action: 'cancel' as const, at: 1, error: { reason: 'not-allowed' as const, status: 'abandoned' as const } };
    expect(describeActionState(refused, ja, 'ja')?.text).toBe('この操作は現在のステータス（放棄（未払い））では行えません。');
    expect(describeActionState(refused, en, 'en')?.text).toBe('This action is not possible in the current status (Abandoned (unpaid)).');
  });

  // "Only orders in requires_capture or canceled status can be cancelled"; anything else is 409 order.cannot-cancel
  // (https://en.docs.smartpay.co/reference/cancel-order).
  it('offers Cancel only where Smartpay allows it: not on an order awaiting authorization (cancel-order reference)', () => {
    expect(allowedActions(order('awaiting_authorization'))).toEqual([]);
    expect(isActionAllowed(order('awaiting_authorization'), 'cancel')).toBe(false);
    expect(isActionAllowed(order('pending'), 'cancel')).toBe(false);
    expect(isActionAllowed(order('requires_capture'), 'cancel')).toBe(true);
  });

  it('computes the capturable and refundable amounts', () => {
    expect(capturableAmount(order('requires_capture', 600))).toBe(1000);
    expect(refundableAmount(order('succeeded', 1600, 500))).toBe(1100);
  });

  it("words Smartpay's errors with their code and message, in both languages", () => {
    const state = {
      status: 'error' as const,
      action: 'refund' as const,
      at: 1,
      error: { reason: 'smartpay' as const, kind: 'invalid-request' as const, statusCode: 403, errorCode: 'amount.insufficient', message: 'too much' },
    };
    expect(describeActionState(state, ja, 'ja')).toEqual({ tone: 'error', text: 'Smartpay がエラーを返しました: 403 amount.insufficient — too much' });
    expect(describeActionState(state, en, 'en')?.text).toContain('403 amount.insufficient — too much');
    expect(describeActionState({ status: 'ok', action: 'refund', amount: 500, at: 2 }, en, 'en')).toEqual({ tone: 'ok', text: 'Refunded ¥500.' });
  });

  it('has the same keys in every language', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    expect(keys(en)).toEqual(keys(ja));
  });
});
