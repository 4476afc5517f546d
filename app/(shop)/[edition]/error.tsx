'use client';

import Link from 'next/link';

/** Last-resort error page. Bilingual because the shopper's locale lives in a server-side cookie. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-lg space-y-4 p-8 text-center" role="alert">
      <h1 className="text-2xl font-bold">問題が発生しました / Something went wrong</h1>
      <p>カートの中身は失われていません。 Your cart has not been lost.</p>
      <div className="flex justify-center gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          再読み込み / Reload
        </button>
        <Link href="/" className="btn-secondary">
          トップ / Home
        </Link>
      </div>
    </div>
  );
}
