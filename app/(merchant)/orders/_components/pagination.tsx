import Link from 'next/link';
import { format } from '@/lib/i18n/format';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';

export function Pagination(props: {
  page: number;
  pages: number;
  total: number;
  status: string | undefined;
  showAbandoned: boolean;
  t: MerchantMessages['list'];
}) {
  const { page, pages, total, status, showAbandoned, t } = props;
  const href = (p: number) => {
    const query = new URLSearchParams();
    if (status) query.set('status', status);
    if (showAbandoned) query.set('abandoned', 'show');
    if (p > 1) query.set('page', String(p));
    const text = query.toString();
    return text ? `/orders?${text}` : '/orders';
  };
  return (
    <nav aria-label={t.pagination} className="flex flex-wrap items-center justify-between gap-3" data-testid="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} className="btn-secondary" rel="prev" data-testid="pagination-previous">
          {t.previous}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-stone-600" data-testid="pagination-status">
        {format(t.pageOf, { page, pages, total })}
      </p>
      {page < pages ? (
        <Link href={href(page + 1)} className="btn-secondary" rel="next" data-testid="pagination-next">
          {t.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
