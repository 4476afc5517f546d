import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MerchantScope } from '@/lib/merchant/access';
import { idleState } from '@/lib/merchant/action-state';

/**
 * The order actions' wiring, with what they call replaced: who may act (merchantScope), the demo's limit
 * per client address for visitors (lib/rate-limits.ts, tested on its own in rate-limits.db.test.ts) and the
 * operations (operations.ts, tested in operations.db.test.ts).
 */
const state = vi.hoisted(() => ({
  scope: undefined as MerchantScope | undefined,
  demoAction: vi.fn(),
  capture: vi.fn(),
  refund: vi.fn(),
}));

vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.23' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/deps', () => ({ shopDeps: async () => ({}) }));
vi.mock('@/lib/rate-limits', () => ({ shopLimits: async () => ({ demoAction: state.demoAction }) }));
vi.mock('@/lib/merchant/access', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/merchant/access')>()),
  merchantScope: async () => state.scope,
}));
vi.mock('@/lib/merchant/operations', () => ({ captureOrder: state.capture, cancelOrder: vi.fn(), refundOrder: state.refund }));

const { captureAction, refundAction } = await import('@/lib/merchant/actions');

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const captureForm = form({ orderId: 'order-1', formKey: 'key-1', amount: '1200' });

beforeEach(() => {
  state.scope = undefined;
  state.demoAction.mockReset().mockResolvedValue({ allowed: true });
  state.capture.mockReset().mockResolvedValue({ ok: true, amount: 1200 });
  state.refund.mockReset().mockResolvedValue({ ok: true, amount: 500 });
});

describe('merchant order actions', () => {
  it('count a demo visitor\'s action against their address, and act on their own orders only', async () => {
    state.scope = { kind: 'browser', owner: 'browser-digest' };
    const result = await captureAction(idleState, captureForm);
    expect(result).toMatchObject({ status: 'ok', action: 'capture', amount: 1200 });
    expect(state.demoAction).toHaveBeenCalledWith('198.51.100.23');
    expect(state.capture).toHaveBeenCalledWith({}, expect.objectContaining({ orderId: 'order-1', formKey: 'key-1', owner: 'browser-digest', amount: 1200 }));
  });

  it('refuse a demo visitor over the limit, saying when to try again, and do nothing', async () => {
    state.scope = { kind: 'browser', owner: 'browser-digest' };
    state.demoAction.mockResolvedValue({ allowed: false, retryAfterSeconds: 42 });
    const result = await refundAction(idleState, form({ orderId: 'order-1', formKey: 'key-2', amount: '1', reason: 'requested_by_customer' }));
    expect(result).toMatchObject({ status: 'error', action: 'refund', error: { reason: 'too-many-requests', retryAfterSeconds: 42 } });
    expect(state.refund).not.toHaveBeenCalled();
  });

  it('answer "unexpected" and do nothing when the limit cannot be checked', async () => {
    state.scope = { kind: 'browser', owner: 'browser-digest' };
    state.demoAction.mockRejectedValue(new Error('database down'));
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    const result = await captureAction(idleState, captureForm);
    expect(result).toMatchObject({ status: 'error', error: { reason: 'unexpected' } });
    expect(state.capture).not.toHaveBeenCalled();
  });

  it('leave the merchant unlimited, on every order', async () => {
    state.scope = { kind: 'all' };
    const result = await captureAction(idleState, captureForm);
    expect(result).toMatchObject({ status: 'ok' });
    expect(state.demoAction).not.toHaveBeenCalled();
    expect(state.capture).toHaveBeenCalledWith({}, expect.objectContaining({ orderId: 'order-1', owner: undefined }));
  });

  it('refuse anyone without a scope before counting or acting', async () => {
    const result = await captureAction(idleState, captureForm);
    expect(result).toMatchObject({ status: 'error', error: { reason: 'unauthorized' } });
    expect(state.demoAction).not.toHaveBeenCalled();
    expect(state.capture).not.toHaveBeenCalled();
  });
});
