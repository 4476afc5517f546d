import type { MerchantAction } from '@/lib/merchant/allowed-actions';
import type { OperationFailure } from '@/lib/merchant/operations';

/** What a merchant action form shows after a submit. `at` makes each answer a new one for screen readers. */
export type MerchantActionState =
  | { status: 'idle' }
  | { status: 'ok'; action: MerchantAction; amount: number; at: number }
  | { status: 'error'; action: MerchantAction; error: OperationFailure | { reason: 'unauthorized' | 'unexpected' } | { reason: 'too-many-requests'; retryAfterSeconds: number }; at: number };

export const idleState: MerchantActionState = { status: 'idle' };
