import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { orderStatuses, type OrderStatus } from '@/lib/orders/status';

/** A plain GET form: filtering works without JavaScript and the filter stays in the URL. */
export function StatusFilter({ selected, t }: { selected: OrderStatus | undefined; t: MerchantMessages }) {
  return (
    <form method="get" action="/orders" className="flex flex-wrap items-end gap-2" data-testid="status-filter">
      <label className="text-sm font-medium">
        {t.list.filterLabel}
        <select name="status" defaultValue={selected ?? ''} className="field-input" data-testid="status-filter-select">
          <option value="">{t.list.allStatuses}</option>
          {orderStatuses.map((status) => (
            <option key={status} value={status}>
              {t.statuses[status]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary" data-testid="status-filter-apply">
        {t.list.apply}
      </button>
    </form>
  );
}
