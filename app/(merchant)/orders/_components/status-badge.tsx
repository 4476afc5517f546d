import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import type { OrderStatus } from '@/lib/orders/status';

const colours: Record<OrderStatus, string> = {
  pending: 'bg-stone-100 text-stone-800 ring-stone-300',
  failed: 'bg-red-50 text-red-800 ring-red-200',
  awaiting_authorization: 'bg-amber-50 text-amber-900 ring-amber-200',
  requires_capture: 'bg-sky-50 text-sky-900 ring-sky-200',
  succeeded: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  rejected: 'bg-red-50 text-red-800 ring-red-200',
  canceled: 'bg-stone-200 text-stone-800 ring-stone-300',
  refunded: 'bg-violet-50 text-violet-800 ring-violet-200',
  abandoned: 'bg-stone-50 text-stone-600 ring-stone-300',
};

export function StatusBadge({ status, t, testId }: { status: OrderStatus; t: MerchantMessages['statuses']; testId: string }) {
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${colours[status]}`}
    >
      {t[status]}
    </span>
  );
}
