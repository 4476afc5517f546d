import type { BrowserContext, Page, Route } from '@playwright/test';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { addFromGrid, cartCount, checkoutToSandbox, taro } from './helpers';

/** What a shopper expects of the cart, the product page, the catalog and the confirmed order, on a phone and a desktop. */

const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

const SENCHA = { id: 'p_sencha', price: 1280 };
const HOJICHA = { id: 'p_hojicha', price: 980 };
const SHIPPING_FEE = 600;

const yen = (n: number) => new RegExp(`^[¥￥]${n.toLocaleString('en-US')}$`);

/** Puts lines in the cart the way the server keeps it (see e2e/cart.spec.ts), and the language. */
async function startWith(context: BrowserContext, baseURL: string, lines: Array<{ productId: string; quantity: number }>, locale: 'ja' | 'en') {
  await context.addCookies([
    { name: 'cart', value: encodeURIComponent(JSON.stringify(lines)), url: baseURL },
    { name: 'cart_count', value: String(lines.reduce((sum, l) => sum + l.quantity, 0)), url: baseURL },
    { name: 'locale', value: locale, url: baseURL },
  ]);
}

/** Holds the cart page's server action requests until the test lets each one go on or fail. */
async function holdCartActions(page: Page) {
  const arrived: Route[] = [];
  const waiting: Array<(route: Route) => void> = [];
  await page.route('**/cart', (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
    const waiter = waiting.shift();
    if (waiter) waiter(route);
    else arrived.push(route);
  });
  return () => new Promise<Route>((resolve) => (arrived.length > 0 ? resolve(arrived.shift()!) : waiting.push(resolve)));
}

async function expectTotals(page: Page, lines: Array<{ id: string; price: number; quantity: number }>, free: RegExp) {
  const subtotal = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  const shipping = subtotal >= 5000 ? 0 : SHIPPING_FEE;
  for (const line of lines) await expect(page.getByTestId(`line-total-${line.id}`)).toHaveText(yen(line.price * line.quantity));
  await expect(page.getByTestId('subtotal')).toHaveText(yen(subtotal));
  await expect(page.getByTestId('shipping-fee')).toHaveText(shipping === 0 ? free : yen(shipping));
  await expect(page.getByTestId('total')).toHaveText(yen(subtotal + shipping));
}

const languages = {
  ja: { free: /^無料$/, updated: 'カートを更新しました', failed: 'カートを更新できなかった', maker: '鴨川製茶' },
  en: { free: /^Free$/, updated: 'Cart updated', failed: 'The cart could not be updated', maker: 'Kamogawa Seicha' },
} as const;

for (const [device, viewport] of Object.entries(viewports)) {
  // The phone speaks Japanese and the desktop English, so each language is seen once at each width's layout.
  const locale = device === 'phone' ? 'ja' : 'en';
  const words = languages[locale];

  test.describe(`${device} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    test(`a quantity change shows at once, is settled by the server, and a failed one is put back (${locale})`, async ({ page, context, baseURL }) => {
      await startWith(context, baseURL!, [{ productId: SENCHA.id, quantity: 1 }, { productId: HOJICHA.id, quantity: 1 }], locale);
      await page.goto('/cart');
      const release = await holdCartActions(page);
      await expectTotals(page, [{ ...SENCHA, quantity: 1 }, { ...HOJICHA, quantity: 1 }], words.free);

      // While the server has not answered, the page already shows the new quantity's figures (past free shipping).
      await page.getByTestId(`quantity-${SENCHA.id}`).fill('4');
      await page.getByTestId(`update-${SENCHA.id}`).click();
      const first = await release();
      await expectTotals(page, [{ ...SENCHA, quantity: 4 }, { ...HOJICHA, quantity: 1 }], words.free);
      await first.continue();
      await expect(page.getByTestId(`quantity-status-${SENCHA.id}`)).toContainText(words.updated);
      await expect(cartCount(page)).toHaveText('5');
      await expectTotals(page, [{ ...SENCHA, quantity: 4 }, { ...HOJICHA, quantity: 1 }], words.free);
      await expectNoViolations(page);

      // A request that fails: shown at once, then put back to what the server has, with a message in the page's language.
      await page.getByTestId(`quantity-${HOJICHA.id}`).fill('2');
      await page.getByTestId(`update-${HOJICHA.id}`).click();
      const second = await release();
      await expect(page.getByTestId(`line-total-${HOJICHA.id}`)).toHaveText(yen(2 * HOJICHA.price));
      await second.abort('connectionreset');
      await expect(page.getByTestId(`quantity-status-${HOJICHA.id}`)).toContainText(words.failed);
      await expect(page.getByTestId(`quantity-${HOJICHA.id}`)).toHaveValue('1');
      await expectTotals(page, [{ ...SENCHA, quantity: 4 }, { ...HOJICHA, quantity: 1 }], words.free);
      await expectNoViolations(page);

      // What the server kept is what the page showed.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.reload();
      await expect(page.getByTestId(`quantity-${SENCHA.id}`)).toHaveValue('4');
      await expectTotals(page, [{ ...SENCHA, quantity: 4 }, { ...HOJICHA, quantity: 1 }], words.free);
    });

    test(`the product page names its maker in the page's language (${locale})`, async ({ page, context, baseURL }) => {
      await startWith(context, baseURL!, [], locale);
      await page.goto('/products/roasted-hojicha');
      await expect(page.getByTestId('product-maker')).toHaveText(words.maker);
      await expectNoViolations(page);
    });

    test('the confirmed order shows its delivery address, e-mail and what happens next, only to the browser that placed it', async ({
      page,
      context,
      browser,
      baseURL,
    }) => {
      await page.goto('/');
      await addFromGrid(page, HOJICHA.id);
      await checkoutToSandbox(page);
      await page.getByTestId('sandbox-approve').click();
      await page.waitForURL(/\/success\?ref=SP-/);
      const successUrl = page.url();

      await expect(page.getByTestId('success-confirmed')).toBeVisible();
      const address = page.getByTestId('delivery-address');
      await expect(address.locator('span')).toHaveText(['山田 太郎 様', '〒150-0001', '東京都渋谷区神宮前1-2-3', 'スマートペイビル 101']);
      await expect(page.getByTestId('order-email')).toHaveText(taro.email);
      const next = page.getByTestId('what-next');
      await expect(next).toContainText(`Smartpay から ${taro.email} に`);
      await expect(next).toContainText('3営業日以内に発送');
      const reference = (await page.getByTestId('order-reference').textContent())!;
      await expect(next).toContainText(`ご注文番号 ${reference} を添えて`);
      await expect(page.getByTestId('smartpay-faq')).toHaveAttribute('href', 'https://smartpay.co/faq/consumer/');
      await expect(page.getByTestId('success-contact')).toHaveAttribute('href', '/contact');
      await expect(page.getByTestId('sandbox-next')).toBeVisible();
      await expectNoViolations(page);

      await page.getByTestId('locale-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(address.locator('span')).toHaveText(['山田 太郎', 'スマートペイビル 101, 神宮前1-2-3', '渋谷区, Tokyo, 150-0001', 'Japan']);
      await expect(page.getByTestId('what-next')).toContainText(`Smartpay sends a confirmation of your order and payment schedule to ${taro.email}.`);
      await expect(page.getByTestId('what-next')).toContainText('We ship within 3 business days');
      await expectNoViolations(page);

      // Another browser that somehow holds this browser's list of orders, but not its id, sees the order without personal details.
      const copied = (await context.cookies()).find((cookie) => cookie.name === 'checkouts');
      expect(copied).toBeDefined();
      const other = await browser.newContext({ viewport });
      await other.addCookies([{ name: 'checkouts', value: copied!.value, url: baseURL! }]);
      const otherPage = await other.newPage();
      await otherPage.goto(successUrl);
      await expect(otherPage.getByTestId('success-confirmed')).toBeVisible();
      await expect(otherPage.getByTestId('order-delivery')).toHaveCount(0);
      // A stranger with only the link sees no order at all.
      const stranger = await browser.newContext({ viewport });
      const strangerPage = await stranger.newPage();
      await strangerPage.goto(successUrl);
      await expect(strangerPage.getByTestId('success-not-found')).toBeVisible();
      for (const seen of [otherPage, strangerPage]) {
        const html = await seen.content();
        for (const personal of [taro.email, taro.line1, taro.postalCode, taro.familyName]) expect(html).not.toContain(personal);
      }
      await other.close();
      await stranger.close();
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });

      test(`the quantity form posts and the page comes back with the new figures (${locale})`, async ({ page, context, baseURL }) => {
        await startWith(context, baseURL!, [{ productId: SENCHA.id, quantity: 1 }, { productId: HOJICHA.id, quantity: 1 }], locale);
        await page.goto('/cart');
        await page.getByTestId(`quantity-${HOJICHA.id}`).fill('3');
        await page.getByTestId(`update-${HOJICHA.id}`).click();
        await expect(page.getByTestId(`quantity-${HOJICHA.id}`)).toHaveValue('3');
        await expectTotals(page, [{ ...SENCHA, quantity: 1 }, { ...HOJICHA, quantity: 3 }], words.free);
        await page.reload();
        await expectTotals(page, [{ ...SENCHA, quantity: 1 }, { ...HOJICHA, quantity: 3 }], words.free);
      });
    });

    if (device === 'phone') {
      test('the catalog shows two products per row', async ({ page }) => {
        await page.goto('/');
        const cards = page.getByTestId('product-grid').locator(':scope > li');
        await expect(cards.nth(2)).toBeVisible();
        const [a, b, c] = await Promise.all([0, 1, 2].map(async (i) => (await cards.nth(i).boundingBox())!));
        expect(Math.round(a!.y)).toBe(Math.round(b!.y));
        expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
        expect(c!.y).toBeGreaterThan(a!.y + a!.height - 1);
        expect(Math.round(c!.x)).toBe(Math.round(a!.x));
        expect(b!.x + b!.width).toBeLessThanOrEqual(viewport.width);
        await expectNoViolations(page);
      });
    }
  });
}
