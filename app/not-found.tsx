import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-16">
      <div className="card mx-auto max-w-lg space-y-4 p-8 text-center" data-testid="not-found">
        <p className="text-sm font-semibold text-stone-600">{t.shop.name}</p>
        <h1 className="text-2xl font-bold">{t.errors.notFoundTitle}</h1>
        <p>{t.errors.notFound}</p>
        <Link href="/" className="btn-primary">
          {t.errors.backHome}
        </Link>
      </div>
    </main>
  );
}
