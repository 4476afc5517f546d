import type { Metadata } from 'next';
import Link from 'next/link';
import { Document } from '@/components/document';
import { en } from '@/lib/i18n/messages/en';
import { ja } from '@/lib/i18n/messages/ja';

export const metadata: Metadata = { robots: { index: false } };

/**
 * Any address the app does not know. In both languages: it is part of every page's tree, so reading the
 * language cookie here would stop the catalog from being prerendered.
 */
export default function NotFound() {
  return (
    <Document lang="ja">
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-16">
        <div className="card mx-auto max-w-lg space-y-4 p-8 text-center" data-testid="not-found">
          <p className="text-sm font-semibold text-stone-600">{ja.shop.name}</p>
          <h1 className="text-2xl font-bold">
            {ja.errors.notFoundTitle} <span lang="en">/ {en.errors.notFoundTitle}</span>
          </h1>
          <p>{ja.errors.notFound}</p>
          <p lang="en">{en.errors.notFound}</p>
          <Link href="/" className="btn-primary">
            {ja.errors.backHome} <span lang="en">/ {en.errors.backHome}</span>
          </Link>
        </div>
      </main>
    </Document>
  );
}
