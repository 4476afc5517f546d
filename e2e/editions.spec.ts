import { expect, test } from './fixtures';

/**
 * The edition cookie (lib/edition-cookie.ts): the first page passes through proxy.ts and gives the browser
 * the cookie; with it, the catalog's pages are served by next.config.js's rewrites, without proxy.ts, in
 * the same edition; a cookie that names another edition is put right by the next page through proxy.ts.
 */
const editionCookie = async (context: import('@playwright/test').BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name === 'shopEdition');

test('a returning browser gets the catalog without proxy.ts, in its edition; a stale edition cookie is put right', async ({ page, context, baseURL }) => {
  const first = await page.goto('/');
  expect(first?.headers()['x-middleware-rewrite'], 'a first visit passes through proxy.ts').toBeTruthy();
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  const given = await editionCookie(context);
  expect(given).toMatchObject({ value: 'ja-sandbox', httpOnly: true, sameSite: 'Lax' });

  const product = await page.goto('/products/roasted-hojicha');
  expect(product?.headers()['x-middleware-rewrite'], 'with the cookie, the catalog is served without proxy.ts').toBeUndefined();
  expect(product?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();

  // A cookie from before the shop's mode changed names the edition without the sandbox's banner ...
  await context.addCookies([{ name: 'shopEdition', value: 'ja', url: baseURL! }]);
  await page.goto('/');
  await expect(page.getByTestId('sandbox-banner')).toHaveCount(0);
  // ... until the next page that passes through proxy.ts.
  await page.goto('/cart');
  expect((await editionCookie(context))?.value).toBe('ja-sandbox');
  await page.goto('/');
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();

  // The language switcher changes the catalog's edition with the language.
  await page.getByTestId('locale-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await editionCookie(context))?.value).toBe('en-sandbox');
  const english = await page.goto('/category/tea');
  expect(english?.headers()['x-middleware-rewrite']).toBeUndefined();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
