import type { SandboxSnapshot } from '../sandbox';
import type { EventRecord } from '../store/records';

/**
 * Which dashboard a visitor gets. `everything` in development, or when the merchant password guards
 * `/sandbox`; on the public demo without one, `this-browser`: only the sessions this browser acted on.
 */
export type DashboardScope = 'everything' | 'this-browser';

export function dashboardScope(config: { production: boolean; merchantPassword: string | undefined }): DashboardScope {
  return !config.production || config.merchantPassword !== undefined ? 'everything' : 'this-browser';
}

const subjectOf = (event: EventRecord) => {
  const data = event.eventData.data as { id?: unknown } | null;
  return typeof data?.id === 'string' ? data.id : undefined;
};

/**
 * What one browser may see: the given sessions, their order or token (and orders charged to that
 * token), the orders' payments, the payments' refunds, events about any of these and the deliveries of
 * those events. Never webhook endpoints (nor their secrets), never another session's objects.
 */
export function browserSnapshot(state: SandboxSnapshot, sessionIds: readonly string[]): SandboxSnapshot {
  const wanted = new Set(sessionIds);
  const checkoutSessions = state.checkoutSessions.filter((session) => wanted.has(session.id));
  const orderIds = new Set(checkoutSessions.flatMap((session) => (session.order ? [session.order] : [])));
  const tokenIds = new Set(checkoutSessions.flatMap((session) => (session.token ? [session.token] : [])));
  const tokens = state.tokens.filter((token) => tokenIds.has(token.id));
  const orders = state.orders.filter((order) => orderIds.has(order.id) || (order.tokenId !== undefined && tokenIds.has(order.tokenId)));
  const shownOrders = new Set(orders.map((order) => order.id));
  const payments = state.payments.filter((payment) => shownOrders.has(payment.order));
  const paymentIds = new Set(payments.map((payment) => payment.id));
  const refunds = state.refunds.filter((refund) => paymentIds.has(refund.payment));
  const objectIds = new Set([...checkoutSessions, ...tokens, ...orders, ...payments, ...refunds].map((record) => record.id));
  const events = state.events.filter((event) => {
    const subject = subjectOf(event);
    return subject !== undefined && objectIds.has(subject);
  });
  const eventIds = new Set(events.map((event) => event.id));
  const deliveries = state.deliveries.filter((delivery) => eventIds.has(delivery.eventId));
  // Webhook endpoints, coupons and promotion codes are a merchant's, never a browser's.
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
