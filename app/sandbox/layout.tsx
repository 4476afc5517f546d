import type { Viewport } from 'next';
import type { ReactNode } from 'react';
import { Document, viewport as documentViewport } from '@/components/document';
import { getLocale } from '@/lib/i18n/server';

export const viewport: Viewport = documentViewport;

/** The sandbox's own document and chrome: its pages stand for Smartpay's, not the shop's. */
export default async function SandboxLayout({ children }: { children: ReactNode }) {
  return (
    <Document lang={await getLocale()}>
      <header className="bg-gray-900 px-4 py-3 text-white">
        <p className="mx-auto max-w-5xl font-semibold tracking-wide">
          Smartpay <span className="ml-2 rounded bg-amber-300 px-2 py-0.5 text-xs font-bold text-amber-950">SANDBOX</span>
        </p>
      </header>
      <main id="main" className="flex-1 bg-white">
        {children}
      </main>
    </Document>
  );
}
