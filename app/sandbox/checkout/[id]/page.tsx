import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { checkoutText, type CheckoutLocale, getSandbox, sandboxEnabled } from '@/lib/sandbox';
import { OrderSummary } from './order-summary';
import { TokenRegistration } from './token-registration';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Smartpay sandbox checkout',
  robots: { index: false, follow: false },
};

interface PageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SandboxCheckoutPage({ params, searchParams }: PageProps) {
  if (!sandboxEnabled()) notFound();
  const { id } = await params;
  const query = await searchParams;
  const view = await (await getSandbox()).getSessionForCheckout(id);
  if (!view) notFound();

  const { session } = view;
  const locale: CheckoutLocale = session.locale ?? 'ja';
  const t = checkoutText[locale];
  const softDeclined = query.result === 'soft-declined';

  return (
    <div lang={locale} className="mx-auto max-w-xl px-4 py-8 text-gray-900">
      <p className="mb-4 inline-block rounded bg-amber-300 px-3 py-1 text-sm font-bold text-amber-950" data-testid="sandbox-badge">
        {t.badge}
      </p>
      <h1 className="text-2xl font-bold">{view.kind === 'token' ? t.tokenTitle : t.title}</h1>
      <p className="mt-1 text-lg">{t.merchant}</p>
      <p className="mt-2 text-sm text-gray-700">{t.intro}</p>

      {view.kind === 'token' ? (
        <TokenRegistration session={session} token={view.token} t={t} softDeclined={softDeclined} />
      ) : (
        <OrderSummary session={session} order={view.order} lines={view.lines} t={t} softDeclined={softDeclined} />
      )}
    </div>
  );
}
