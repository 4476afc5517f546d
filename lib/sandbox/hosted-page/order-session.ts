import { authorizeOrder } from '../resources/authorize';
import type { SandboxCore } from '../api/handler';
import { countSoftDecline } from './soft-decline';
import { expandLineItem, orderObject } from '../api/objects';
import { completeTokenCheckout } from './token-session';
import type { CheckoutSessionRecord, OrderRecord, TokenRecord } from '../store/records';

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

/** A normal session shows its order; a token-mode session shows its token (and no lines). */
export type CheckoutView =
  | { kind: 'order'; session: CheckoutSessionRecord; order: OrderRecord; lines: CheckoutLine[] }
  | { kind: 'token'; session: CheckoutSessionRecord; token: TokenRecord; lines: CheckoutLine[] };

export interface CheckoutResult {
  /** The session's order (normal sessions). */
  order?: OrderRecord;
  /** The session's token (token-mode sessions). */
  token?: TokenRecord;
  /** Where to send the shopper; absent when the page should render again. */
  redirectTo?: string;
  softDeclined?: boolean;
  /** The order or token was already past authorization, so nothing changed. */
  alreadyFinal?: boolean;
}

type Loaded =
  | { kind: 'order'; session: CheckoutSessionRecord; order: OrderRecord }
  | { kind: 'token'; session: CheckoutSessionRecord; token: TokenRecord };

async function loadSession(core: SandboxCore, id: string): Promise<Loaded | undefined> {
  const session = await core.store.get('checkoutSession', id);
  if (!session) return undefined;
  if (session.token) {
    const token = await core.store.get('token', session.token);
    return token ? { kind: 'token', session, token } : undefined;
  }
  const order = session.order ? await core.store.get('order', session.order) : undefined;
  if (!order) return undefined;
  return { kind: 'order', session, order };
}

export async function getCheckoutView(core: SandboxCore, id: string): Promise<CheckoutView | undefined> {
  const found = await loadSession(core, id);
  if (!found) return undefined;
  if (found.kind === 'token') return { ...found, lines: [] };
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
  if (found.kind === 'token') return completeTokenCheckout(core, found.session, found.token, outcome);
  const { session, order } = found;
  if (outcome === 'cancel') return { order, redirectTo: session.cancelUrl };
  if (order.status !== 'requires_authorization') return { order, alreadyFinal: true };
  if (outcome === 'soft-decline') {
    const counted = await countSoftDecline(core, 'order', order);
    if (counted) await core.emit('order.rejected', counted.test, orderObject(counted));
    return { order: counted ?? order, softDeclined: true };
  }
  if (outcome === 'decline') {
    const rejected: OrderRecord = { ...order, status: 'rejected', updatedAt: core.now() };
    await core.store.put('order', rejected);
    await core.emit('order.rejected', rejected.test, orderObject(rejected));
    return { order: rejected, redirectTo: session.cancelUrl };
  }
  return { order: await authorizeOrder(core, order), redirectTo: session.successUrl };
}
