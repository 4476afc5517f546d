import Link from 'next/link';
import type { Locale } from '@/lib/i18n/locales';
import { formatJapanDateTime } from '@/lib/i18n/date-time';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { formatYen } from '@/lib/money';
import type { Order } from '@/lib/orders/repository';
import { StatusBadge } from './status-badge';

export function OrdersTable({ orders, locale, t }: { orders: Order[]; locale: Locale; t: MerchantMessages }) {
  const th = 'px-3 py-2 text-left text-sm font-semibold';
  return (
    <div className="card overflow-x-auto">
      <table className="w-full min-w-[48rem] border-collapse" data-testid="orders-table">
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
              <th scope="row" className="px-3 py-2 text-left font-mono text-sm">
                <Link href={`/orders/${order.id}`} className="text-brand-700 underline underline-offset-2" data-testid={`order-link-${order.reference}`}>
                  {order.reference}
                </Link>
              </th>
              <td className="whitespace-nowrap px-3 py-2 text-sm">{formatJapanDateTime(order.createdAt, locale)}</td>
              <td className="px-3 py-2 text-sm">
                <span className="block">
                  {order.customer.familyName} {order.customer.givenName}
                </span>
                <span className="block text-stone-600">{order.customer.email}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right text-sm">{formatYen(order.total, locale)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={order.status} t={t.statuses} testId={`order-status-${order.reference}`} />
              </td>
              <td className="px-3 py-2 font-mono text-xs text-stone-700">{order.smartpayOrderId ?? t.detail.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
