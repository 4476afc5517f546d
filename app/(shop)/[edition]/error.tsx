'use client';

import { ErrorNotice } from '@/components/error-notice';

/** Last-resort error page, in the shopper's language. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice reset={reset} kind="page" href="/" />;
}
