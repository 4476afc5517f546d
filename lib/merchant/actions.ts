'use server';

import { revalidatePath } from 'next/cache';
import { shopDeps, type ShopDeps } from '@/lib/deps';
import type { MerchantActionState } from '@/lib/merchant/action-state';
import { merchantScope, ownerIn } from '@/lib/merchant/access';
import type { MerchantAction } from '@/lib/merchant/allowed-actions';
import { cancelOrder, captureOrder, refundOrder, type OperationResult } from '@/lib/merchant/operations';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { shopLimits } from '@/lib/rate-limits';

/** The merchant's order actions, bound to the forms on /orders/[id]. The work is in operations.ts. */

const text = (formData: FormData, name: string) => String(formData.get(name) ?? '');

async function run(
  action: MerchantAction,
  formData: FormData,
  operation: (deps: ShopDeps, base: { orderId: string; formKey: string; owner?: string }) => Promise<OperationResult>,
): Promise<MerchantActionState> {
  const at = Date.now();
  const scope = await merchantScope();
  if (!scope) return { status: 'error', action, error: { reason: 'unauthorized' }, at };
  if (scope.kind === 'browser') {
    // A visitor of the public demo acts on their own orders; each action costs calls with the shop's key.
    let verdict;
    try {
      verdict = await (await shopLimits()).demoAction(await shopClientIp());
    } catch (error) {
      console.error(`[merchant ${action}] the limit could not be checked:`, error);
      return { status: 'error', action, error: { reason: 'unexpected' }, at };
    }
    if (!verdict.allowed) return { status: 'error', action, error: { reason: 'too-many-requests', retryAfterSeconds: verdict.retryAfterSeconds }, at };
  }
  const orderId = text(formData, 'orderId');
  let result: OperationResult;
  try {
    result = await operation(await shopDeps(), { orderId, formKey: text(formData, 'formKey'), owner: ownerIn(scope) });
  } catch (error) {
    console.error(`[merchant ${action} ${orderId}] failed:`, error);
    return { status: 'error', action, error: { reason: 'unexpected' }, at };
  }
  revalidatePath('/orders');
  revalidatePath(`/orders/${orderId}`);
  return result.ok ? { status: 'ok', action, amount: result.amount, at } : { status: 'error', action, error: result.error, at };
}

export async function captureAction(_prev: MerchantActionState, formData: FormData): Promise<MerchantActionState> {
  return run('capture', formData, (deps, base) => captureOrder(deps, { ...base, amount: Number(text(formData, 'amount')) }));
}

export async function cancelAction(_prev: MerchantActionState, formData: FormData): Promise<MerchantActionState> {
  return run('cancel', formData, (deps, base) => cancelOrder(deps, base));
}

export async function refundAction(_prev: MerchantActionState, formData: FormData): Promise<MerchantActionState> {
  return run('refund', formData, (deps, base) =>
    refundOrder(deps, { ...base, amount: Number(text(formData, 'amount')), reason: text(formData, 'reason') }),
  );
}
