import type { SandboxCore } from './core';
import { expandLineItem } from './expand';
import { AUTHORIZATION_HOLD_MS, refreshOrder } from './orders';
import { recordPayment } from './payments';
import type { CheckoutSessionRecord, OrderRecord } from './types';

/** The shopper's side of a checkout session: what the hosted page shows and what its buttons do. */

export const CHECKOUT_OUTCOMES = ['approve', 'decline', 'soft-decline', 'cancel'] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];

export const isCheckoutOutcome = (value: unknown): value is CheckoutOutcome =>
  typeof value === 'string' && (CHECKOUT_OUTCOMES as readonly string[]).includes(value);

export interface CheckoutLine {
  id: string;
  kind: 'product' | 'tax' | 'discount';
  name: string;
  unitAmount: number;
  quantity: number;
}

export interface CheckoutView {
  session: CheckoutSessionRecord;
  order: OrderRecord;
  lines: CheckoutLine[];
}

export interface CheckoutResult {
  order: OrderRecord;
  /** Where to send the shopper; absent when the page should render again. */
  redirectTo?: string;
  softDeclined?: boolean;
  /** The order was already past authorization, so nothing changed. */
  alreadyFinal?: boolean;
}

async function loadSession(core: SandboxCore, id: string) {
  const session = await core.store.get('checkoutSession', id);
  if (!session) return undefined;
  const order = await core.store.get('order', session.order);
  if (!order) return undefined;
  return { session, order: await refreshOrder(core, order) };
}

export async function getCheckoutView(core: SandboxCore, id: string): Promise<CheckoutView | undefined> {
  const found = await loadSession(core, id);
  if (!found) return undefined;
  const lines: CheckoutLine[] = [];
  for (const lineItemId of found.order.lineItems) {
    const lineItem = await core.store.get('lineItem', lineItemId);
    if (!lineItem) continue;
    const expanded = await expandLineItem(core.store, lineItem);
    const name =
      typeof expanded.price === 'object' ? expanded.price.product.name : (lineItem.description ?? lineItem.kind);
    lines.push({ id: lineItem.id, kind: lineItem.kind, name, unitAmount: lineItem.amount, quantity: lineItem.quantity });
  }
  return { ...found, lines };
}

export async function completeCheckout(
  core: SandboxCore,
  id: string,
  outcome: CheckoutOutcome,
): Promise<CheckoutResult | undefined> {
  const found = await loadSession(core, id);
  if (!found) return undefined;
  const { session, order } = found;
  if (outcome === 'cancel') return { order, redirectTo: session.cancelUrl };
  if (order.status !== 'requires_authorization') return { order, alreadyFinal: true };
  const now = core.now();
  if (outcome === 'decline' || outcome === 'soft-decline') {
    const hard = outcome === 'decline';
    const rejected: OrderRecord = hard ? { ...order, status: 'rejected', updatedAt: now } : order;
    if (hard) await core.store.put('order', rejected);
    await core.emit('order.rejected', rejected.test, rejected);
    return hard ? { order: rejected, redirectTo: session.cancelUrl } : { order: rejected, softDeclined: true };
  }
  const authorized: OrderRecord = { ...order, status: 'requires_capture', expiresAt: now + AUTHORIZATION_HOLD_MS, updatedAt: now };
  if (order.captureMethod === 'manual') {
    await core.store.put('order', authorized);
    await core.emit('order.authorized', authorized.test, authorized);
    return { order: authorized, redirectTo: session.successUrl };
  }
  const { payment, order: withPayment } = await recordPayment(core, authorized, order.amount, {
    metadata: {},
    lineItems: [],
  });
  const succeeded: OrderRecord = { ...withPayment, status: 'succeeded' };
  await core.store.put('order', succeeded);
  await core.emit('order.authorized', succeeded.test, succeeded);
  await core.emit('payment.created', payment.test, payment);
  return { order: succeeded, redirectTo: session.successUrl };
}
