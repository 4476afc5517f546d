import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <div className="card mx-auto max-w-lg space-y-4 p-8 text-center" data-testid="not-found">
      <h1 className="text-2xl font-bold">{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFound}</p>
      <Link href="/" className="btn-primary">
        {t.errors.backHome}
      </Link>
    </div>
  );
}
