'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { errorTexts, localeOfEdition } from '@/lib/i18n/error-texts';

/**
 * The body of the shop's error boundaries, in the shopper's language (read from the page's edition
 * segment): a title, what happened, a button that tries again and a link elsewhere.
 */
export function ErrorNotice({ reset, kind, href, wide = false }: { reset: () => void; kind: 'page' | 'success'; href: string; wide?: boolean }) {
  const t = errorTexts[localeOfEdition(useParams().edition)][kind];
  return (
    <div className={`card mx-auto space-y-4 p-8 ${wide ? 'max-w-2xl' : 'max-w-lg text-center'}`} role="alert">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p>{t.body}</p>
      <div className={`flex gap-3 ${wide ? '' : 'justify-center'}`}>
        <button type="button" onClick={reset} className="btn-primary">
          {t.retry}
        </button>
        <Link href={href} prefetch={false} className="btn-secondary">
          {t.link}
        </Link>
      </div>
    </div>
  );
}
