import type { ReactNode } from 'react';

/**
 * Each part of the app renders its own document (components/document.tsx): the shop once per language,
 * prerendered (app/(shop)/[locale]/layout.tsx), the merchant pages and the sandbox in theirs. This root
 * only passes them through.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
