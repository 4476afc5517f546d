import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { isMerchantAllowed, merchantAccess } from '@/lib/merchant/basic-auth';
import { API_BODY_LIMIT, SESSIONS_COOKIE, sessionIdsOf, dashboardScope, getSandbox, sandboxEnabled, SCENARIOS } from '@/lib/sandbox';
import { code } from './dashboard-table';
import { DashboardTables } from './dashboard-tables';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Smartpay sandbox dashboard',
  robots: { index: false, follow: false },
};

export default async function SandboxDashboardPage() {
  if (!sandboxEnabled()) notFound();
  const config = getConfig();
  // proxy.ts asks for the password first; checked again here, so that no change of routing can ever show
  // every key's objects without it.
  const access = merchantAccess({
    mode: config.mode,
    production: config.production,
    password: config.merchantPassword,
    authorization: (await headers()).get('authorization'),
  });
  if (!isMerchantAllowed(access)) notFound();
  const scope = dashboardScope(config);
  const sandbox = await getSandbox();
  // A visitor's browser is shown objects of its own checkouts with the shop's key only: just those are read.
  const state =
    scope === 'everything' ? await sandbox.snapshot() : await sandbox.browserSnapshot(sessionIdsOf((await cookies()).get(SESSIONS_COOKIE)?.value));

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 text-gray-900">
      <p className="inline-block rounded bg-amber-300 px-3 py-1 text-sm font-bold text-amber-950">Sandbox / サンドボックス</p>
      <h1 className="mt-2 text-2xl font-bold">Smartpay sandbox dashboard</h1>
      <p className="text-gray-700">Smartpay サンドボックスの管理画面</p>
      <p className="mt-2 text-sm">
        <Link href="/" className="text-blue-700 underline">
          ← Back to the shop / ショップに戻る
        </Link>
      </p>
      <p className="mt-4 max-w-3xl rounded border border-gray-300 bg-gray-50 p-3 text-sm" data-testid="sandbox-dashboard-view" data-scope={scope}>
        {scope === 'everything' ? (
          <>
            <strong>Showing everything in the sandbox</strong>, every API key&apos;s objects and the webhook endpoints. /
            サンドボックスのすべてのデータを表示しています。
          </>
        ) : (
          <>
            <strong>Showing only what this browser did</strong>: the checkout sessions you approved, declined, soft-declined or
            canceled on the hosted page in this browser, and their orders, tokens, payments, refunds, events and webhook
            deliveries. Other visitors&apos; data and the webhook endpoints are not shown. /
            このブラウザで操作したチェックアウトと関連データのみを表示しています。
          </>
        )}
      </p>

      <section className="mt-4 max-w-3xl space-y-2 text-sm" aria-labelledby="sandbox-how">
        <h2 id="sandbox-how" className="text-lg font-semibold">How to use it</h2>
        <p>
          The sandbox speaks Smartpay&apos;s API under {code('/sandbox/v1')} on this origin with any secret key shaped like{' '}
          {code('sk_test_…')}, sent as {code('Authorization: Basic sk_test_…')}. Each key sees only the objects it created,
          as each Smartpay merchant sees only its own. Checkout sessions send the shopper to a hosted page where the buttons
          approve, decline, soft-decline or cancel the payment. Events are delivered, signed, to the webhook endpoints of the
          key that created the object; the shop&apos;s own {code('/api/webhooks/smartpay')} is registered under the shop&apos;s
          key. State is kept in the shop&apos;s database (its own {code('sandbox_')} tables), so it survives restarts. Times are
          Japan time (JST, UTC+9, as on the shop&apos;s order pages), newest first. / 時刻はすべて日本時間（JST）です。
        </p>
        <p>
          Limits: at most {config.limits.sandboxCallsPerMinute} API calls per minute per key, and as many per client address for keys other than the shop&apos;s own;
          with those keys, {config.limits.sandboxWritesPerDay} calls that store something (POST, PUT, PATCH, DELETE) per client address in 24 hours;
          request bodies up to {API_BODY_LIMIT / 1024} KiB.
          {config.production ? (
            <>
              {' '}Success, cancel and webhook URLs must be on {code(new URL(config.appUrl).origin)}.
            </>
          ) : null}
          {config.publicDemo ? <> Data older than {config.demoRetentionHours} hours is deleted.</> : null}
        </p>
        <p>
          Token mode: {code('POST /checkout-sessions')} with {code('{"mode": "token", …}')} makes a token the shopper
          approves on the hosted page; {code('POST /orders')} with an {code('active')} token then charges it at once.
          Tokens are managed under {code('/tokens')} (enable, disable, delete).
        </p>
        <p>
          Failures on demand: send the header {code('Sandbox-Simulate: <scenario>')} with any API call, or check out with an
          e-mail such as {code('taro+sandbox_500@example.com')}. Scenarios: {SCENARIOS.map((scenario, index) => (
            <span key={scenario}>
              {index > 0 ? ', ' : ''}
              {code(scenario)}
            </span>
          ))}
          .
          A simulated failure creates nothing. {code('slow')} answers after {code('SANDBOX_SLOW_MS')} (default 15 s).
        </p>
      </section>

      <DashboardTables state={state} scope={scope} />
    </div>
  );
}
