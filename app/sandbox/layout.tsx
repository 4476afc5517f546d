import type { ReactNode } from 'react';

/** The sandbox's own chrome: its pages stand for Smartpay's, not the shop's. */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="bg-gray-900 px-4 py-3 text-white">
        <p className="mx-auto max-w-5xl font-semibold tracking-wide">
          Smartpay <span className="ml-2 rounded bg-amber-300 px-2 py-0.5 text-xs font-bold text-amber-950">SANDBOX</span>
        </p>
      </header>
      <main id="main" className="flex-1 bg-white">
        {children}
      </main>
    </>
  );
}
