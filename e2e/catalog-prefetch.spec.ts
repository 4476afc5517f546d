import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The catalog's links to products and categories are prefetched once the shopper shows intent (the pointer
 * over a link, a touch, keyboard focus; components/intent-link.tsx), not each as soon as it is shown: a
 * page view does not fetch the twenty pages its grid and filter link to.
 */
const catalogPrefetch = (request: Request) =>
  request.headers()['next-router-prefetch'] !== undefined && /^\/(?:products|category)\//.test(new URL(request.url()).pathname);

/** Opens the home page and waits until the network is quiet; returns the catalog pages it prefetched meanwhile. */
async function openHome(page: Page): Promise<string[]> {
  const seen: string[] = [];
  const record = (request: Request) => {
    if (catalogPrefetch(request)) seen.push(new URL(request.url()).pathname);
  };
  page.on('request', record);
  try {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', record);
  }
  return seen;
}

/**
 * Shows intent for `path` (`intent`) until it is prefetched: shown before React has hydrated the page, an
 * intent has no handler yet, so it is shown again (from scratch: `intent` first moves the pointer or the
 * focus away).
 */
async function prefetchOnIntent(page: Page, path: string, intent: () => Promise<void>) {
  let prefetched = false;
  const record = (request: Request) => {
    if (catalogPrefetch(request) && new URL(request.url()).pathname === path) prefetched = true;
  };
  page.on('request', record);
  try {
    await expect(async () => {
      if (!prefetched) await intent();
      await expect.poll(() => prefetched, { timeout: 2_000 }).toBe(true);
    }).toPass({ timeout: 15_000 });
  } finally {
    page.off('request', record);
  }
}

test('the home page prefetches no product or category page until the pointer is over its link', async ({ page }) => {
  expect(await openHome(page)).toEqual([]);
  const card = page.getByTestId('product-card-p_hojicha').getByRole('link');
  await prefetchOnIntent(page, '/products/roasted-hojicha', async () => {
    await page.mouse.move(0, 0);
    await card.hover();
  });
  await card.click();
  await expect(page).toHaveURL(/\/products\/roasted-hojicha$/);
  await expect(page.getByRole('heading', { level: 1, name: '京都 焙じ茶' })).toBeVisible();
});

test('keyboard focus on a category link prefetches that category', async ({ page }) => {
  expect(await openHome(page)).toEqual([]);
  const link = page.getByRole('navigation', { name: 'カテゴリー' }).getByRole('link', { name: 'お茶' });
  await prefetchOnIntent(page, '/category/tea', async () => {
    await link.blur();
    await link.focus();
  });
});

test.describe('on a phone (390×844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the home page prefetches no product page until one is touched; a touch prefetches it and a tap opens it', async ({ page }) => {
    expect(await openHome(page)).toEqual([]);
    const link = page.getByTestId('product-card-p_sencha').getByRole('link');
    await prefetchOnIntent(page, '/products/sencha-green-tea', () => link.dispatchEvent('touchstart'));
    await link.tap();
    await expect(page).toHaveURL(/\/products\/sencha-green-tea$/);
    await expect(page.getByRole('heading', { level: 1, name: '静岡 深蒸し煎茶' })).toBeVisible();
  });
});
