'use client';

import { ErrorNotice } from '@/components/error-notice';

/** Shown if confirming the order fails unexpectedly; the cart is untouched. In the shopper's language. */
export default function SuccessError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice reset={reset} kind="success" href="/cart" wide />;
}
