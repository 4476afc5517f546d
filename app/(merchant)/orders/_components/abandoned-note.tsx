import Link from 'next/link';
import { format } from '@/lib/i18n/format';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';

/** Says how many abandoned orders the list leaves out, with a plain link to show them, and what abandoned means. */
export function AbandonedNote({ hidden, showing, hours, t }: { hidden: number; showing: boolean; hours: number; t: MerchantMessages['list'] }) {
  if (hidden === 0 && !showing) return null;
  return (
    <div className="space-y-1 rounded-lg border border-stone-300 bg-white p-3 text-sm" data-testid="abandoned-note">
      {hidden > 0 ? (
        <p>
          <span data-testid="abandoned-hidden">{format(t.abandonedHidden, { count: hidden })}</span>{' '}
          <Link href="/orders?abandoned=show" className="font-semibold text-brand-700 underline underline-offset-2" data-testid="abandoned-show">
            {t.showThem}
          </Link>
        </p>
      ) : (
        <p>
          <Link href="/orders" className="font-semibold text-brand-700 underline underline-offset-2" data-testid="abandoned-hide">
            {t.hideThem}
          </Link>
        </p>
      )}
      <p className="text-stone-600">{format(t.abandonedMeaning, { hours })}</p>
    </div>
  );
}
