import type { SandboxSnapshot } from '../sandbox';
import type { SandboxStore } from '../store/store';

/**
 * Which dashboard a visitor gets. `everything` in development, or when the merchant password guards
 * `/sandbox`; on the public demo without one, `this-browser`: only the sessions this browser acted on.
 */
export type DashboardScope = 'everything' | 'this-browser';

export function dashboardScope(config: { production: boolean; merchantPassword: string | undefined }): DashboardScope {
  return !config.production || config.merchantPassword !== undefined ? 'everything' : 'this-browser';
}

/**
 * What one browser may see: the given sessions, their order or token (and orders charged to that token),
 * the orders' payments, the payments' refunds, events about any of these and the deliveries of those
 * events. Never webhook endpoints (nor their secrets), coupons or promotion codes, never another session's
 * objects. `store` is the shop key's view; each step reads only the records linked to the step before
 * (`SandboxStore.find`, indexed in the database), so a view costs the same whatever else the sandbox holds.
 * Lists are newest first, as in the full snapshot. Payments are found through their order's `payments`: the
 * memory store writes a new payment a moment before its order, and a view in that moment misses the payment.
 */
export async function readBrowserSnapshot(store: Pick<SandboxStore, 'find'>, sessionIds: readonly string[]): Promise<SandboxSnapshot> {
  const checkoutSessions = await store.find('checkoutSession', { id: sessionIds });
  const orderIds = checkoutSessions.flatMap((session) => (session.order ? [session.order] : []));
  const tokenIds = checkoutSessions.flatMap((session) => (session.token ? [session.token] : []));
  const [tokens, orders] = await Promise.all([store.find('token', { id: tokenIds }), store.find('order', { id: orderIds, tokenId: tokenIds })]);
  const payments = await store.find('payment', { id: orders.flatMap((order) => order.payments) });
  const refunds = await store.find('refund', { payment: payments.map((payment) => payment.id) });
  const objectIds = [...checkoutSessions, ...tokens, ...orders, ...payments, ...refunds].map((record) => record.id);
  const events = await store.find('event', { subject: objectIds });
  const deliveries = await store.find('delivery', { eventId: events.map((event) => event.id) });
  return { checkoutSessions, orders, payments, refunds, tokens, events, deliveries, webhookEndpoints: [], coupons: [], promotionCodes: [] };
}

/** One thing the sandbox accepted although Smartpay might refuse it, with the object it is kept on. */
export interface DashboardWarning {
  object: 'checkoutSession' | 'order' | 'payment' | 'refund' | 'token';
  id: string;
  createdAt: number;
  message: string;
}

/**
 * The dashboard's warning lines: every `sandboxWarnings` entry kept on the objects of `state` (the view's
 * snapshot, so the browser filter applies), newest object first. The same texts were sent as `Sandbox-Warning`.
 */
export function warningsOf(state: SandboxSnapshot): DashboardWarning[] {
  const objects = [...state.checkoutSessions, ...state.orders, ...state.payments, ...state.refunds, ...state.tokens];
  return objects
    .flatMap((record) =>
      (record.sandboxWarnings ?? []).map((message) => ({ object: record.object, id: record.id, createdAt: record.createdAt, message })),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}
