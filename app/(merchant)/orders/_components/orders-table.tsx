import Link from 'next/link';
import type { Locale } from '@/lib/i18n/locales';
import { formatJapanDateTime } from '@/lib/i18n/date-time';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { formatYen } from '@/lib/money';
import type { Order } from '@/lib/orders/repository';
import { StatusBadge } from './status-badge';

/**
 * The list of orders: a table from the `md` width up, and one card per order below it. On a phone a table
 * of six columns either crushes its cells or scrolls sideways, hiding the total and the status, which are
 * what an owner looks for; a card shows every fact of an order in the width, reference and status first.
 * Only one of the two is displayed at a time, so assistive technology meets the list once.
 */
export function OrdersTable({ orders, locale, t }: { orders: Order[]; locale: Locale; t: MerchantMessages }) {
  const th = 'px-3 py-2 text-left text-sm font-semibold';
  return (
    <>
      <div className="card hidden overflow-x-auto md:block">
        <table className="w-full border-collapse" data-testid="orders-table">
          <caption className="sr-only">{t.list.caption}</caption>
          <thead className="border-b border-stone-200 bg-stone-50">
            <tr>
              <th scope="col" className={th}>{t.list.reference}</th>
              <th scope="col" className={th}>{t.list.date}</th>
              <th scope="col" className={th}>{t.list.customer}</th>
              <th scope="col" className={`${th} text-right`}>{t.list.total}</th>
              <th scope="col" className={th}>{t.list.status}</th>
              <th scope="col" className={th}>{t.list.smartpayOrder}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} className="border-b border-stone-100 last:border-0 hover:bg-stone-50" data-testid={`order-row-${order.reference}`}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-mono text-sm">
                  <Link href={`/orders/${order.id}`} className="text-brand-700 underline underline-offset-2" data-testid={`order-link-${order.reference}`}>
                    {order.reference}
                  </Link>
                </th>
                <td className="px-3 py-2 text-sm">{formatJapanDateTime(order.createdAt, locale)}</td>
                <td className="px-3 py-2 text-sm">
                  <span className="block">
                    {order.customer.familyName} {order.customer.givenName}
                  </span>
                  <span className="block break-all text-stone-600">{order.customer.email}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right text-sm">{formatYen(order.total, locale)}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={order.status} t={t.statuses} testId={`order-status-${order.reference}`} />
                </td>
                <td className="break-all px-3 py-2 font-mono text-xs text-stone-700">{order.smartpayOrderId ?? t.detail.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden" aria-label={t.list.cards} data-testid="order-cards">
        {orders.map((order) => (
          <li key={order.id} className="card p-4" data-testid={`order-card-${order.reference}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link
                href={`/orders/${order.id}`}
                className="inline-flex min-h-11 items-center font-mono font-semibold text-brand-700 underline underline-offset-2"
                data-testid={`order-card-link-${order.reference}`}
              >
                {order.reference}
              </Link>
              <StatusBadge status={order.status} t={t.statuses} testId={`order-card-status-${order.reference}`} />
            </div>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-600">{t.list.total}</dt>
              <dd className="font-semibold" data-testid={`order-card-total-${order.reference}`}>
                {formatYen(order.total, locale)}
              </dd>
              <dt className="text-stone-600">{t.list.date}</dt>
              <dd>{formatJapanDateTime(order.createdAt, locale)}</dd>
              <dt className="text-stone-600">{t.list.customer}</dt>
              <dd className="min-w-0">
                <span className="block">
                  {order.customer.familyName} {order.customer.givenName}
                </span>
                <span className="block break-all text-stone-600">{order.customer.email}</span>
              </dd>
              <dt className="text-stone-600">{t.list.smartpayOrder}</dt>
              <dd className="min-w-0 break-all font-mono text-xs text-stone-700">{order.smartpayOrderId ?? t.detail.none}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
