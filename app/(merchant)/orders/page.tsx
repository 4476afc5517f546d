import { notFound } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { getI18n } from '@/lib/i18n/server';
import { db } from '@/lib/db/client';
import { merchantScope, ownerIn } from '@/lib/merchant/access';
import { getMerchantMessages } from '@/lib/i18n/dictionaries';
import { countOrdersInStatus, listOrders } from '@/lib/orders/repository';
import { orderStatuses, type OrderStatus } from '@/lib/orders/status';
import { AbandonedNote } from './_components/abandoned-note';
import { OrdersTable } from './_components/orders-table';
import { Pagination } from './_components/pagination';
import { StatusFilter } from './_components/status-filter';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The shop owner's list of orders, newest first. Abandoned orders (lib/orders/abandon.ts) are left out
 * unless asked for (`?abandoned=show`, or the status filter set to them), and the list says how many it hides.
 */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await getI18n();
  const t = getMerchantMessages(locale);
  const params = await searchParams;
  const statusParam = first(params.status);
  const status = (orderStatuses as readonly string[]).includes(statusParam ?? '') ? (statusParam as OrderStatus) : undefined;
  const showAbandoned = first(params.abandoned) === 'show';
  const requested = Number.parseInt(first(params.page) ?? '1', 10);
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;

  const scope = await merchantScope();
  if (!scope) notFound();
  const database = await db();
  const owner = ownerIn(scope);
  const hiding = !status && !showAbandoned;
  const [{ orders, total }, hidden] = await Promise.all([
    listOrders(database, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      statuses: status ? [status] : undefined,
      excludeStatuses: hiding ? ['abandoned'] : undefined,
      owner,
    }),
    hiding ? countOrdersInStatus(database, 'abandoned', owner) : Promise.resolve(0),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">{t.list.title}</h1>
        <StatusFilter selected={status} showAbandoned={showAbandoned} t={t} />
      </div>
      {scope.kind === 'browser' && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="orders-visitor-note">
          {t.list.visitorNote}
        </p>
      )}
      <AbandonedNote hidden={hidden} showing={showAbandoned && !status} hours={getConfig().abandonUnpaidAfterHours} t={t.list} />
      {orders.length === 0 ? (
        <p className="card p-8 text-center text-stone-700" data-testid="orders-empty">
          {t.list.empty}
        </p>
      ) : (
        <OrdersTable orders={orders} locale={locale} t={t} />
      )}
      {total > 0 && <Pagination page={page} pages={pages} total={total} status={status} showAbandoned={showAbandoned} t={t.list} />}
    </div>
  );
}
