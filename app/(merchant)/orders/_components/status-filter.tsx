import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { orderStatuses, type OrderStatus } from '@/lib/orders/status';

/**
 * A plain GET form: filtering works without JavaScript and the filter stays in the URL. Keyed by what it
 * shows, so that after a client-side navigation (the note's link) its fields show the new filter, not the old.
 */
export function StatusFilter({ selected, showAbandoned, t }: { selected: OrderStatus | undefined; showAbandoned: boolean; t: MerchantMessages }) {
  return (
    <form key={`${selected ?? ''}|${showAbandoned}`} method="get" action="/orders" className="flex flex-wrap items-end gap-x-3 gap-y-2" data-testid="status-filter">
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
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          name="abandoned"
          value="show"
          defaultChecked={showAbandoned}
          className="size-5 accent-brand-700"
          data-testid="status-filter-abandoned"
        />
        {t.list.showAbandoned}
      </label>
      <button type="submit" className="btn-secondary" data-testid="status-filter-apply">
        {t.list.apply}
      </button>
    </form>
  );
}
