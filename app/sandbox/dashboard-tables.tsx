import Link from 'next/link';
import { formatYen, warningsOf, type DashboardScope, type SandboxSnapshot } from '@/lib/sandbox';
import { code, Table, time } from './dashboard-table';

/** The dashboard's tables, newest first; webhook endpoints, coupons and promotion codes only in the `everything` scope. */
export function DashboardTables({ state, scope }: { state: SandboxSnapshot; scope: DashboardScope }) {
  const endpointUrl = new Map(state.webhookEndpoints.map((endpoint) => [endpoint.id, endpoint.url]));
  return (
    <>
      <Table
        caption="Warnings"
        empty="No warnings: every request followed the rules Smartpay documents and those it is believed to apply."
        headers={['Created', 'Object', 'Warning']}
        rows={warningsOf(state).map((warning) => [time(warning.createdAt), code(warning.id), <span key="w" data-testid="sandbox-warning">{warning.message}</span>])}
      />
      <Table
        caption="Checkout sessions"
        empty={scope === 'everything' ? 'No checkout sessions yet.' : 'No checkout sessions from this browser yet.'}
        headers={['Created', 'Session', 'Order or token', 'Reference', 'Hosted page']}
        rows={state.checkoutSessions.map((session) => [
          time(session.createdAt),
          code(session.id),
          code(session.order ?? session.token ?? ''),
          session.reference ?? '—',
          <Link key="open" href={`/sandbox/checkout/${session.id}`} className="text-blue-700 underline">
            Open
          </Link>,
        ])}
      />
      <Table
        caption="Orders"
        empty="No orders yet."
        headers={['Created', 'Order', 'Status', 'Capture', 'Amount', 'Expires', 'Token', 'Mode']}
        rows={state.orders.map((order) => [
          time(order.createdAt),
          code(order.id),
          <span key="status" data-testid="sandbox-dashboard-order-status">{order.status}</span>,
          order.captureMethod,
          formatYen(order.amount),
          time(order.expiresAt),
          order.tokenId ? code(order.tokenId) : '—',
          order.test ? 'test' : 'live',
        ])}
      />
      <Table
        caption="Payments"
        empty="No payments yet."
        headers={['Created', 'Payment', 'Order', 'Status', 'Amount']}
        rows={state.payments.map((payment) => [
          time(payment.createdAt),
          code(payment.id),
          code(payment.order),
          payment.status,
          formatYen(payment.amount),
        ])}
      />
      <Table
        caption="Refunds"
        empty="No refunds yet."
        headers={['Created', 'Refund', 'Payment', 'Reason', 'Amount']}
        rows={state.refunds.map((refund) => [
          time(refund.createdAt),
          code(refund.id),
          code(refund.payment),
          refund.reason,
          formatYen(refund.amount),
        ])}
      />
      <Table
        caption="Tokens"
        empty="No tokens yet."
        headers={['Created', 'Token', 'Status', 'Reference', 'Updated', 'Mode']}
        rows={state.tokens.map((token) => [
          time(token.createdAt),
          code(token.id),
          <span key="status" data-testid="sandbox-dashboard-token-status">{token.status}</span>,
          token.reference ?? '—',
          time(token.updatedAt),
          token.test ? 'test' : 'live',
        ])}
      />
      <Table
        caption="Events"
        empty="No events yet."
        headers={['Created', 'Event', 'Type', 'Object']}
        rows={state.events.map((event) => [
          time(event.createdAt),
          code(event.id),
          event.eventData.type,
          code(String((event.eventData.data as { id?: unknown })?.id ?? '')),
        ])}
      />
      <Table
        caption="Webhook deliveries"
        empty="No webhook deliveries yet."
        headers={['Created', 'Endpoint', 'Event type', 'Attempts', 'Last status', 'State', 'Next attempt']}
        rows={state.deliveries.map((delivery) => {
          const last = delivery.attempts.at(-1);
          return [
            time(delivery.createdAt),
            code(endpointUrl.get(delivery.endpointId) ?? delivery.url),
            delivery.eventType,
            delivery.attempts.length,
            last ? (last.statusCode ?? last.error ?? '—') : '—',
            delivery.state,
            time(delivery.nextAttemptAt),
          ];
        })}
      />
      {scope === 'everything' ? (
        <Table
          caption="Webhook endpoints"
          empty="No webhook endpoints."
          headers={['Created', 'Endpoint', 'URL', 'Active', 'Events']}
          rows={state.webhookEndpoints.map((endpoint) => [
            time(endpoint.createdAt),
            code(endpoint.id),
            code(endpoint.url),
            endpoint.active ? 'yes' : 'no',
            endpoint.eventSubscriptions?.join(', ') ?? 'all',
          ])}
        />
      ) : null}
      {scope === 'everything' ? (
        <>
          <Table
            caption="Coupons"
            empty="No coupons yet."
            headers={['Created', 'Coupon', 'Name', 'Discount', 'Active', 'Redeemed', 'Mode']}
            rows={state.coupons.map((coupon) => [
              time(coupon.createdAt),
              code(coupon.id),
              coupon.name,
              coupon.discountType === 'percentage' ? `${coupon.discountPercentage ?? 0} %` : formatYen(coupon.discountAmount ?? 0),
              coupon.active ? 'yes' : 'no',
              coupon.maxRedemptionCount === undefined ? coupon.redemptionCount : `${coupon.redemptionCount} / ${coupon.maxRedemptionCount}`,
              coupon.test ? 'test' : 'live',
            ])}
          />
          <Table
            caption="Promotion codes"
            empty="No promotion codes yet."
            headers={['Created', 'Promotion code', 'Code', 'Coupon', 'Active', 'Redeemed']}
            rows={state.promotionCodes.map((promotion) => [
              time(promotion.createdAt),
              code(promotion.id),
              code(promotion.code),
              code(promotion.coupon),
              promotion.active ? 'yes' : 'no',
              promotion.redemptionCount,
            ])}
          />
        </>
      ) : null}
    </>
  );
}
