import type { ReactNode } from 'react';
import '@/app/globals.css';

/** The `<html>` and `<body>` every part of the app renders in its own root layout, each in its language. */
export function Document({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}

export const viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f57cc' } as const;
