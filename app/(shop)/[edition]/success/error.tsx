'use client';

import Link from 'next/link';

/** Shown if confirming the order fails unexpectedly; the cart is untouched. Bilingual: the locale is a server cookie. */
export default function SuccessError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-2xl space-y-4 p-8" role="alert">
      <h1 className="text-2xl font-bold">お支払いの状況を確認できませんでした / The payment status could not be checked</h1>
      <p>カートの中身はそのまま残っています。 Your cart is unchanged.</p>
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          再確認 / Check again
        </button>
        <Link href="/cart" prefetch={false} className="btn-secondary">
          カート / Cart
        </Link>
      </div>
    </div>
  );
}
