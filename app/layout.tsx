import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import { getI18n } from '@/lib/i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t.meta.title, template: `%s | ${t.meta.title}` },
    description: t.meta.description,
    metadataBase: new URL(getConfig().appUrl),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f57cc' };

/** The document shell shared by the shop and the sandbox's pages; each brings its own chrome. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
