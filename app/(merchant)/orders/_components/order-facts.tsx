import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { formatJapanDateTime } from '@/lib/i18n/date-time';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { formatYen } from '@/lib/money';
import { addressLines } from '@/lib/orders/delivery-address';
import type { Order } from '@/lib/orders/repository';
import { StatusBadge } from './status-badge';

function Facts({ title, items, testId }: { title: string; items: [string, ReactNode, string?][]; testId: string }) {
  return (
    <section className="card p-4" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {items.map(([label, value, id]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="min-w-0 break-words" data-testid={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function OrderFacts({ order, locale, t }: { order: Order; locale: Locale; t: MerchantMessages }) {
  const d = t.detail;
  const { customer, shippingAddress: address } = order;
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Facts
        title={d.summary}
        testId="order-summary"
        items={[
          [d.status, <StatusBadge key="status" status={order.status} t={t.statuses} testId="order-status" />],
          [d.createdAt, formatJapanDateTime(order.createdAt, locale), 'order-created-at'],
          [d.total, formatYen(order.total, locale), 'order-total'],
          [d.captured, formatYen(order.capturedAmount, locale), 'order-captured'],
          [d.refunded, formatYen(order.refundedAmount, locale), 'order-refunded'],
        ]}
      />
      <Facts
        title={d.customer}
        testId="order-customer"
        items={[
          [d.name, `${customer.familyName} ${customer.givenName}${customer.familyNameKana ? ` (${customer.familyNameKana} ${customer.givenNameKana ?? ''})` : ''}`],
          [d.email, customer.email, 'order-customer-email'],
          [d.phone, customer.phone],
          [
            d.address,
            <address key="address" className="not-italic" data-testid="order-address">
              {addressLines(address, locale).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </address>,
          ],
        ]}
      />
      <Facts
        title={d.smartpay}
        testId="order-smartpay"
        items={[
          [d.sessionId, <code key="s">{order.smartpaySessionId ?? d.none}</code>, 'order-smartpay-session'],
          [d.orderId, <code key="o">{order.smartpayOrderId ?? d.none}</code>, 'order-smartpay-order'],
          [d.smartpayStatus, order.smartpayStatus ?? d.none],
        ]}
      />
    </div>
  );
}
