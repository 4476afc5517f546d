'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { errorTexts, localeOfEdition } from '@/lib/i18n/error-texts';

/** Shown if confirming the order fails unexpectedly; the cart is untouched. In the shopper's language. */
export default function SuccessError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = errorTexts[localeOfEdition(useParams().edition)];
  return (
    <div className="card mx-auto max-w-2xl space-y-4 p-8" role="alert">
      <h1 className="text-2xl font-bold">{t.successTitle}</h1>
      <p>{t.successBody}</p>
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          {t.check}
        </button>
        <Link href="/cart" prefetch={false} className="btn-secondary">
          {t.cart}
        </Link>
      </div>
    </div>
  );
}
