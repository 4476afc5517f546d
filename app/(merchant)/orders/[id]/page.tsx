import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { format } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { allowedActions, capturableAmount, refundableAmount } from '@/lib/merchant/allowed-actions';
import { formatJapanDateTime } from '@/lib/i18n/date-time';
import { merchantScope, ownerIn } from '@/lib/merchant/access';
import { getMerchantMessages } from '@/lib/i18n/dictionaries';
import { formatYen } from '@/lib/money';
import { getOrderById, getOrderLines, getOrderRefunds, getOrderWebhookEvents, getStatusHistory } from '@/lib/orders/repository';
import { DataTable } from '../_components/data-table';
import { OrderActions } from '../_components/order-actions';
import { OrderFacts } from '../_components/order-facts';

export const dynamic = 'force-dynamic';

/** One order as the shop owner sees it, with what can be done with it at Smartpay. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const database = await db();
  const [order, scope] = await Promise.all([getOrderById(database, id), merchantScope()]);
  const owner = scope && ownerIn(scope);
  // On the public demo a visitor sees the orders of their own browser only; another order is not found.
  if (!order || !scope || (owner !== undefined && order.owner !== owner)) notFound();
  const [lines, history, refunds, events] = await Promise.all([
    getOrderLines(database, order.id),
    getStatusHistory(database, order.id),
    getOrderRefunds(database, order.id),
    getOrderWebhookEvents(database, order.smartpayOrderId),
  ]);
  const { locale } = await getI18n();
  const t = getMerchantMessages(locale);
  const d = t.detail;
  const yen = (amount: number) => formatYen(amount, locale);
  const when = (date: Date | null) => (date ? formatJapanDateTime(date, locale) : d.none);

  return (
    <div className="space-y-6" data-testid="order-detail" data-order-id={order.id}>
      <Link href="/orders" className="text-sm text-brand-700 underline underline-offset-2" data-testid="back-to-orders">
        ← {d.back}
      </Link>
      <h1 className="text-2xl font-bold">
        {format(d.title, { reference: '' })}
        <span className="font-mono" data-testid="order-reference">
          {order.reference}
        </span>
      </h1>

      <OrderFacts order={order} locale={locale} t={t} />

      <OrderActions
        orderId={order.id}
        allowed={allowedActions(order)}
        formKeys={{ capture: crypto.randomUUID(), cancel: crypto.randomUUID(), refund: crypto.randomUUID() }}
        capturable={capturableAmount(order)}
        refundable={refundableAmount(order)}
        locale={locale}
        t={{ actions: t.actions, statuses: t.statuses }}
      />

      <DataTable
        caption={d.lines}
        testId="order-lines"
        columns={[
          { label: d.product, cell: 'min-w-[8rem]' },
          { label: d.unitPrice, numeric: true },
          { label: d.quantity, numeric: true },
          { label: d.lineTotal, numeric: true },
        ]}
        rows={[
          ...lines.map((line) => [line.name, yen(line.unitPrice), line.quantity, yen(line.lineTotal)]),
          [d.shipping, '', '', yen(order.shippingFee)],
          [<strong key="t">{d.total}</strong>, '', '', <strong key="v">{yen(order.total)}</strong>],
        ]}
      />

      <DataTable
        caption={d.history}
        testId="status-history"
        columns={[
          { label: d.time, cell: 'min-w-[6.5rem]' },
          { label: d.from, cell: 'whitespace-nowrap' },
          { label: d.to, cell: 'whitespace-nowrap' },
          { label: d.source, cell: 'min-w-[7rem]' },
          { label: d.detail, cell: 'min-w-[12rem] break-words' },
        ]}
        rows={history.map((change) => [
          when(change.createdAt),
          change.fromStatus ? t.statuses[change.fromStatus] : d.none,
          <span key="to" data-status={change.toStatus}>{t.statuses[change.toStatus]}</span>,
          t.sources[change.source as keyof typeof t.sources] ?? change.source,
          change.detail ?? d.none,
        ])}
      />

      <DataTable
        caption={d.refunds}
        testId="order-refunds"
        empty={d.noRefunds}
        columns={[
          { label: d.time, cell: 'min-w-[6.5rem]' },
          { label: d.refundId },
          { label: d.paymentId },
          { label: d.reason, cell: 'min-w-[7rem]' },
          { label: d.amount, numeric: true },
        ]}
        rows={refunds.map((refund) => [
          when(refund.createdAt),
          <code key="r">{refund.smartpayRefundId}</code>,
          <code key="p">{refund.smartpayPaymentId}</code>,
          refund.reason && refund.reason in t.actions.reasons ? t.actions.reasons[refund.reason as keyof typeof t.actions.reasons] : (refund.reason ?? d.none),
          yen(refund.amount),
        ])}
      />

      <DataTable
        caption={d.webhooks}
        testId="webhook-events"
        empty={d.noWebhooks}
        columns={[
          { label: d.receivedAt, cell: 'min-w-[6.5rem]' },
          { label: d.eventId },
          { label: d.eventType, cell: 'whitespace-nowrap' },
          { label: d.outcome, cell: 'min-w-[7rem]' },
        ]}
        rows={events.map((event) => [when(event.receivedAt), <code key="e">{event.eventId}</code>, event.type, event.outcome ?? d.none])}
      />
    </div>
  );
}
