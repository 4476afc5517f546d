import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatYen } from '@/lib/sandbox/checkout-text';
import { getSandbox, sandboxEnabled } from '@/lib/sandbox/instance';
import { SCENARIOS } from '@/lib/sandbox/simulate';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Smartpay sandbox dashboard',
  robots: { index: false, follow: false },
};

const time = (ms: number | undefined) => (ms === undefined ? '—' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19));

const tableClass = 'mt-2 w-full border-collapse text-left text-sm';
const captionClass = 'mb-1 text-left text-lg font-semibold';
const cellClass = 'border-b border-gray-200 px-2 py-1 align-top';
const headClass = 'border-b border-gray-400 px-2 py-1';

function Table({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: React.ReactNode[][]; empty: string }) {
  return (
    <div className="mt-8 overflow-x-auto">
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={headClass}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length} className={`${cellClass} text-gray-600`}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells, index) => (
              <tr key={index}>
                {cells.map((cell, cellIndex) => (
                  <td key={cellIndex} className={cellClass}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

const code = (text: string) => <code className="break-all font-mono text-xs">{text}</code>;

export default async function SandboxDashboardPage() {
  if (!sandboxEnabled()) notFound();
  const state = await (await getSandbox()).snapshot();
  const endpointUrl = new Map(state.webhookEndpoints.map((endpoint) => [endpoint.id, endpoint.url]));

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 text-gray-900">
      <p className="inline-block rounded bg-amber-300 px-3 py-1 text-sm font-bold text-amber-950">Sandbox / サンドボックス</p>
      <h1 className="mt-2 text-2xl font-bold">Smartpay sandbox dashboard</h1>
      <p className="text-gray-700">Smartpay サンドボックスの管理画面</p>
      <p className="mt-2 text-sm">
        <Link href="/" className="text-blue-700 underline">
          ← Back to the shop / ショップに戻る
        </Link>
      </p>

      <section className="mt-4 max-w-3xl space-y-2 text-sm" aria-labelledby="sandbox-how">
        <h2 id="sandbox-how" className="text-lg font-semibold">How to use it</h2>
        <p>
          The sandbox speaks Smartpay&apos;s API under {code('/sandbox/v1')} on this origin with any secret key shaped like{' '}
          {code('sk_test_…')}. Checkout sessions send the shopper to a hosted page where the buttons approve, decline,
          soft-decline or cancel the payment. Events are delivered, signed, to every registered webhook endpoint,
          including the shop&apos;s own {code('/api/webhooks/smartpay')}. State is kept in the shop&apos;s database (its own{' '}
          {code('sandbox_')} tables), so it survives restarts. Times are UTC, newest first.
        </p>
        <p>
          Token mode: {code('POST /checkout-sessions')} with {code('{"mode": "token", …}')} makes a token the shopper
          approves on the hosted page; {code('POST /orders')} with an {code('active')} token then charges it at once.
          Tokens are managed under {code('/tokens')} (enable, disable, delete).
        </p>
        <p>
          Failures on demand: send the header {code('Sandbox-Simulate: <scenario>')} with any API call, or check out with an
          e-mail such as {code('taro+sandbox_500@example.com')}. Scenarios: {SCENARIOS.map((scenario, index) => (
            <span key={scenario}>
              {index > 0 ? ', ' : ''}
              {code(scenario)}
            </span>
          ))}
          .
          A simulated failure creates nothing. {code('slow')} answers after {code('SANDBOX_SLOW_MS')} (default 15 s).
        </p>
      </section>

      <Table
        caption="Checkout sessions"
        empty="No checkout sessions yet."
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
    </div>
  );
}
