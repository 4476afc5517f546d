import Link from 'next/link';
import type { Messages } from '@/lib/i18n/messages';

export function SandboxBanner({ t }: { t: Messages['sandbox'] }) {
  return (
    <div role="note" data-testid="sandbox-banner" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      {t.banner}{' '}
      <Link href="/sandbox" prefetch={false} className="font-semibold underline">
        {t.dashboard}
      </Link>
    </div>
  );
}
