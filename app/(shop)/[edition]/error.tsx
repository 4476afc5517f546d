'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { errorTexts, localeOfEdition } from '@/lib/i18n/error-texts';

/** Last-resort error page, in the shopper's language (from the page's edition segment). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = errorTexts[localeOfEdition(useParams().edition)];
  return (
    <div className="card mx-auto max-w-lg space-y-4 p-8 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.body}</p>
      <div className="flex justify-center gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          {t.reload}
        </button>
        <Link href="/" className="btn-secondary">
          {t.home}
        </Link>
      </div>
    </div>
  );
}
