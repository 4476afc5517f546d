// A bare Next.js app of the same version as the shop — one static page with one form (also served behind a
// no-op proxy.ts, with the shop's stylesheet, and rendered per request), and a route that only answers a
// redirect — built and served beside the shop in the same run, as the baseline the benchmarks compare the
// shop with.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild, freePort, ROOT, sandboxEnv, ShopServer, snapshotBuild } from './shop-server.mjs';

/** Inside the project (ignored by git), so it builds with the project's own node_modules. */
export const BARE_DIR = path.join(ROOT, '.bench', 'bare-next');
/** Its own copy of next, so it loads React from its own node_modules, once. */
export const BARE_NEXT_BIN = path.join(BARE_DIR, 'node_modules', '.bin', 'next');

const files = {
  'package.json': JSON.stringify({ private: true, name: 'bare-next', version: '0.0.0' }, null, 2),
  // Its own root, so nothing of the shop (its instrumentation, its tsconfig) is part of the build.
  'next.config.js': "module.exports = { poweredByHeader: false, turbopack: { root: __dirname } };\n",
  'app/layout.jsx': `export const metadata = { title: 'Bare Next.js page' };
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.jsx': `export default function Page() {
  return (
    <main>
      <h1>A bare Next.js page</h1>
      <p>The baseline of the shop's benchmarks: one static page with one form.</p>
      <form action="/" method="get">
        <label htmlFor="q">Search</label> <input id="q" name="q" /> <button type="submit">Go</button>
      </form>
    </main>
  );
}
`,
  // The same page again, at /behind-proxy, with a proxy.ts that does nothing but let the request through:
  // what Next.js's proxy alone costs a page (the shop's pages all pass through its proxy.ts). The proxy's
  // matcher names only that path, so the bare page at / is served as before.
  'app/behind-proxy/page.jsx': `export { default } from '../page.jsx';
`,
  'proxy.js': `import { NextResponse } from 'next/server';

export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ['/behind-proxy', '/per-request-behind-proxy'] };
`,
  // The same page rendered on every request (it reads the request's cookies, as the shop's cart and checkout
  // do), without and with the no-op proxy.ts: what a page pays for being dynamic at all, before it renders
  // anything of its own.
  'app/per-request/page.jsx': `import { cookies } from 'next/headers';
import Page from '../page.jsx';

export default async function PerRequest() {
  await cookies();
  return <Page />;
}
`,
  'app/per-request-behind-proxy/page.jsx': `export { default } from '../per-request/page.jsx';
`,
  // The same page again, at /with-stylesheet, loading the shop's own stylesheet (copied from its build by
  // buildBareNext): what a render-blocking stylesheet alone costs the bare page in Lighthouse.
  'app/with-stylesheet/page.jsx': `import './shop.css';

export { default } from '../page.jsx';
`,
  // The checkout benchmark's baseline: a route that does nothing but answer a redirect, as the checkout does.
  'app/redirect/route.js': `export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(null, { status: 303, headers: { Location: '/' } });
}
`,
};

/**
 * Writes and builds the bare app (next build with Turbopack, like the shop) with the project's packages
 * (hard links of node_modules: no copy, no download); returns its folder.
 */
export function buildBareNext(log = console.log) {
  rmSync(BARE_DIR, { recursive: true, force: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(BARE_DIR, file)), { recursive: true });
    writeFileSync(path.join(BARE_DIR, file), content);
  }
  writeFileSync(path.join(BARE_DIR, 'app', 'with-stylesheet', 'shop.css'), shopStylesheet() ?? '/* the shop has not been built */\n');
  const linked = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(BARE_DIR, 'node_modules')]);
  if (linked.status !== 0) throw new Error(`could not link node_modules into ${BARE_DIR}: ${linked.stderr}`);
  log('building the bare Next.js page …');
  const result = spawnSync(BARE_NEXT_BIN, ['build'], {
    cwd: BARE_DIR,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    maxBuffer: 32 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`building the bare page failed:\n${`${result.stdout}${result.stderr}`.split('\n').slice(-30).join('\n')}`);
  return BARE_DIR;
}

/** The shop's built stylesheet (the largest CSS file of its production build), if it has been built. */
function shopStylesheet() {
  const chunks = path.join(ROOT, '.next', 'static', 'chunks');
  if (!existsSync(chunks)) return undefined;
  const files = readdirSync(chunks)
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join(chunks, file))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return files.length ? readFileSync(files[0], 'utf8') : undefined;
}

/** The bare app's server (`next start` on a free port), not started yet. */
export async function bareServer(name, bareDir) {
  return new ShopServer({
    name: 'bare',
    port: await freePort(),
    env: sandboxEnv({}),
    logFile: path.join(os.tmpdir(), `${name}-bare.log`),
    projectDir: bareDir,
    readyPath: '/',
    nextBin: BARE_NEXT_BIN,
  });
}

/**
 * The shop (a private copy of its production build, on the sandbox, with an embedded database in
 * `dataDir`) and the bare page, both built and started; `stop()` stops both and removes the copy.
 */
export async function startShopAndBare(name, dataDir, log = console.log) {
  await ensureBuild([], log);
  const build = snapshotBuild(log);
  const bareDir = buildBareNext(log);
  const shopPort = await freePort();
  const shop = new ShopServer({
    name: 'shop',
    port: shopPort,
    env: sandboxEnv({ DATA_DIR: dataDir, APP_URL: `http://127.0.0.1:${shopPort}` }),
    logFile: path.join(os.tmpdir(), `${name}-shop.log`),
    projectDir: build.dir,
  });
  const bare = await bareServer(name, bareDir);
  await Promise.all([shop.start(), bare.start()]);
  return {
    shop,
    bare,
    async stop() {
      await Promise.all([shop.stop(), bare.stop()]);
      build.remove();
    },
  };
}

/** A cart of two products (three items), as the cart cookie holds it. */
export const TWO_PRODUCT_CART = encodeURIComponent(
  JSON.stringify([{ productId: 'p_hojicha', quantity: 2 }, { productId: 'p_washi_notebook', quantity: 1 }]),
);

/** One goal a benchmark holds the shop to (README, Performance), printed with the figure, met or not. */
export const printGoal = (label, value, met) => console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${label}: ${value}`);

/** The bare page with the shop's stylesheet: what a render-blocking stylesheet alone costs it. */
export const stylesheetTarget = (bare) => ({ name: "bare page with the shop's stylesheet", url: `${bare.origin}/with-stylesheet` });

/** The bare page behind a proxy.ts that does nothing: the most a page behind the shop's proxy.ts can reach. */
export const proxyCeilingTarget = (bare) => ({ name: 'bare page behind a no-op proxy.ts', url: `${bare.origin}/behind-proxy` });

/**
 * The bare page rendered on every request, without and with the no-op proxy.ts: the cart and the checkout
 * render per request behind proxy.ts, so the second is the most they can reach.
 */
export const perRequestTargets = (bare) => [
  { name: 'bare page rendered per request', url: `${bare.origin}/per-request` },
  { name: 'bare page rendered per request, behind a no-op proxy.ts', url: `${bare.origin}/per-request-behind-proxy` },
];

/**
 * The catalog's pages once more as a returning browser asks for them, with the edition cookie proxy.ts gave
 * it (lib/edition-cookie.ts): next.config.js then serves them without proxy.ts. The shop runs in sandbox mode,
 * in Japanese by default.
 */
export const returningTargets = (shop) => [
  { name: 'home, returning browser (edition cookie)', url: `${shop.origin}/`, cookie: 'shopEdition=ja-sandbox' },
  { name: 'product, returning browser (edition cookie)', url: `${shop.origin}/products/roasted-hojicha`, cookie: 'shopEdition=ja-sandbox' },
];

/** The pages both benchmarks measure: the bare page first (the baseline), then the shop's (a first visit: no cookie). */
export const pageTargets = (shop, bare) => [
  { name: 'bare Next.js page', url: `${bare.origin}/` },
  { name: 'home', url: `${shop.origin}/` },
  { name: 'product', url: `${shop.origin}/products/roasted-hojicha` },
  { name: 'cart (two products)', url: `${shop.origin}/cart`, cookie: `cart=${TWO_PRODUCT_CART}` },
  { name: 'checkout (two products)', url: `${shop.origin}/checkout`, cookie: `cart=${TWO_PRODUCT_CART}` },
];
