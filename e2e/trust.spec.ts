import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { againstDeployment, expect, test } from './fixtures';
import { checkoutToSandbox, fillCheckout, taro, type Shopper } from './helpers';

/** WCAG 2.1 A/AA checks with axe-core. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Puts a product in the cart from its page; without JavaScript the click waits for the page the form posts to. */
async function addHojicha(page: Page, { javaScript = true } = {}) {
  await page.goto('/products/roasted-hojicha');
  await page.getByTestId('add-to-cart-p_hojicha').click();
  if (javaScript) await expect(page.getByRole('status').filter({ hasText: /カートに追加しました|Added to your cart/ })).toBeVisible();
}

const fields = Object.keys(taro) as (keyof Shopper)[];

async function expectFormHolds(page: Page, shopper: Shopper) {
  for (const field of fields) await expect(page.getByTestId(`field-${field}`), field).toHaveValue(shopper[field] ?? '');
}

async function expectFormEmpty(page: Page) {
  for (const field of fields) await expect(page.getByTestId(`field-${field}`), field).toHaveValue('');
}

/** Nothing the shopper typed may sit in a cookie this browser holds. */
async function expectNoPersonalDataInCookies(context: BrowserContext, shopper: Shopper) {
  const cookies = (await context.cookies()).map((c) => `${c.name}=${decodeURIComponent(c.value)}`).join('\n');
  for (const value of [shopper.email, shopper.familyName, shopper.givenName, shopper.phone, shopper.postalCode, shopper.city, shopper.line1]) {
    expect(cookies).not.toContain(value);
  }
}

const hanako: Shopper = {
  email: 'hanako@example.com',
  familyName: '佐藤',
  givenName: '花子',
  familyNameKana: 'サトウ',
  givenNameKana: 'ハナコ',
  phone: '080-2222-3333',
  postalCode: '530-0001',
  prefecture: '27',
  city: '大阪市北区',
  line1: '梅田2-4-6',
  line2: 'テストマンション 202',
};

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

for (const viewport of viewports) {
  test.describe(`${viewport.name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the footer leads to the legal notice, privacy policy, shipping and contact pages, in Japanese and English', async ({ page }) => {
      if (!againstDeployment) {
        // Prerendered like the catalog, in each edition: served from the build, never rendered per request.
        for (const path of ['/legal/tokushoho', '/legal/privacy', '/legal/shipping', '/contact']) {
          expect((await page.request.get(path)).headers()['x-nextjs-prerender'], path).toBeTruthy();
        }
      }
      await page.goto('/');
      const footer = page.getByTestId('site-footer');
      await footer.getByRole('link', { name: '特定商取引法に基づく表記' }).click();
      await expect(page).toHaveURL(/\/legal\/tokushoho$/);
      await expect(page.getByRole('heading', { level: 1, name: '特定商取引法に基づく表記' })).toBeVisible();
      await expect(page.getByTestId('legal-fictional-notice')).toContainText('架空');
      await expect(page.getByTestId('tokushoho-seller')).toContainText('架空');
      await expect(page.getByTestId('tokushoho-phone')).toContainText('03-0000-0000');
      await expect(page.getByTestId('tokushoho-email')).toContainText('@example.com');
      // The shipping rule of lib/pricing.ts: ¥600, free from ¥5,000.
      await expect(page.getByTestId('tokushoho-shipping-fee')).toContainText(/[¥￥]600/);
      await expect(page.getByTestId('tokushoho-shipping-fee')).toContainText(/[¥￥]5,000/);
      await expect(page.getByTestId('tokushoho-payment')).toContainText('3回');
      await expect(page.getByTestId('tokushoho-payment')).toContainText('手数料');
      for (const row of ['representative', 'address', 'prices', 'other-charges', 'payment-timing', 'delivery', 'returns', 'cancellations']) {
        await expect(page.getByTestId(`tokushoho-${row}`)).not.toBeEmpty();
      }
      await expectNoViolations(page);

      await page.getByTestId('site-footer').getByRole('link', { name: 'プライバシーポリシー' }).click();
      await expect(page).toHaveURL(/\/legal\/privacy$/);
      await expect(page.getByRole('heading', { level: 1, name: 'プライバシーポリシー' })).toBeVisible();
      await expect(page.locator('#smartpay')).toContainText('Smartpay');
      // The sandbox is the public demo: its retention (DEMO_RETENTION_HOURS, 24 h by default) is stated.
      await expect(page.locator('#retention')).toContainText('24 時間');
      await expectNoViolations(page);

      await page.getByTestId('site-footer').getByRole('link', { name: '配送と返品' }).click();
      await expect(page).toHaveURL(/\/legal\/shipping$/);
      await expect(page.getByRole('heading', { level: 1, name: '配送と返品について' })).toBeVisible();
      await expect(page.locator('#fee')).toContainText(/[¥￥]600/);
      await expectNoViolations(page);

      await page.getByTestId('site-footer').getByRole('link', { name: 'お問い合わせ' }).click();
      await expect(page).toHaveURL(/\/contact$/);
      await expect(page.getByRole('heading', { level: 1, name: 'お問い合わせ' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'support@example.com' })).toHaveAttribute('href', 'mailto:support@example.com');
      await expect(page.getByRole('link', { name: '03-0000-0000' })).toHaveAttribute('href', 'tel:0300000000');
      await expectNoViolations(page);

      // Same address, the other language.
      await page.getByTestId('locale-en').click();
      await expect(page).toHaveURL(/\/contact$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1, name: 'Contact' })).toBeVisible();
      await expect(page.getByTestId('legal-fictional-notice')).toContainText('fictional');
      await expectNoViolations(page);
      await page.getByTestId('site-footer').getByRole('link', { name: 'Legal notice (Specified Commercial Transactions Act)' }).click();
      await expect(page).toHaveURL(/\/legal\/tokushoho$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Legal notice (Specified Commercial Transactions Act)' })).toBeVisible();
      await expect(page.getByTestId('tokushoho-shipping-fee')).toContainText('¥600');
      await expect(page.getByTestId('tokushoho-payment')).toContainText('3 instalments');
      await expectNoViolations(page);
      await page.getByTestId('site-footer').getByRole('link', { name: 'Privacy policy' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
      await expect(page.locator('#retention')).toContainText('24 hours');
      await expectNoViolations(page);
      await page.getByTestId('site-footer').getByRole('link', { name: 'Shipping and returns' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Shipping and returns' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('the checkout explains paying with Smartpay and marks each required field in words', async ({ page }) => {
      await addHojicha(page);
      await page.goto('/checkout');
      const explanation = page.getByTestId('smartpay-explanation');
      await expect(explanation.getByRole('heading', { name: 'Smartpay（スマートペイ）でのお支払い' })).toBeVisible();
      await expect(explanation).toContainText('3回に分けて');
      await expect(explanation).toContainText('利息・手数料はかかりません');
      // The explanation sits right above the pay button.
      const box = (await explanation.boundingBox())!;
      const button = (await page.getByTestId('pay-with-smartpay').boundingBox())!;
      expect(button.y - (box.y + box.height)).toBeLessThan(40);
      expect(button.y).toBeGreaterThan(box.y);

      for (const [field, label] of [
        ['email', 'メールアドレス'],
        ['familyName', '姓'],
        ['phone', '電話番号'],
        ['postalCode', '郵便番号'],
        ['city', '市区町村'],
        ['line1', '番地'],
      ] as const) {
        await expect(page.getByRole('textbox', { name: `${label} 必須`, exact: true }), field).toHaveAttribute('aria-required', 'true');
        const mark = page.getByTestId(`required-${field}`);
        await expect(mark).toBeVisible();
        await expect(mark).toHaveText('必須');
        // A filled, bold badge (axe below checks its contrast at AA), not faint grey text.
        await expect(mark).toHaveCSS('font-weight', '600');
        await expect(mark).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
      }
      await expect(page.getByRole('combobox', { name: '都道府県 必須' })).toHaveAttribute('aria-required', 'true');
      await expect(page.getByRole('textbox', { name: '建物名・部屋番号 任意', exact: true })).not.toHaveAttribute('aria-required', /.*/);
      await expectNoViolations(page);

      await page.getByTestId('smartpay-more').click();
      await expect(page).toHaveURL(/\/legal\/tokushoho#payment$/);
      await expect(page.locator('#payment')).toBeInViewport();

      await page.goto('/checkout');
      await page.getByTestId('pay-with-smartpay').click();
      await expect(page.getByTestId('error-email')).not.toBeEmpty();
      await expectNoViolations(page);

      await page.getByTestId('locale-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByTestId('smartpay-explanation')).toContainText('No interest and no fees.');
      await expect(page.getByRole('textbox', { name: 'Email address Required', exact: true })).toHaveAttribute('aria-required', 'true');
      await expect(page.getByTestId('required-note')).toContainText('Required');
      await expectNoViolations(page);
    });

    test('Back from the payment page and a reload keep what the shopper typed; another browser sees none of it', async ({ page, context, browser }) => {
      await addHojicha(page);
      await checkoutToSandbox(page, taro);
      expect(page.url()).not.toContain(encodeURIComponent(taro.email));

      await page.goBack();
      await expect(page).toHaveURL(/\/checkout$/);
      await expectFormHolds(page, taro);
      const reload = await page.reload();
      expect(reload?.headers()['cache-control']).toMatch(/private/);
      expect(reload?.headers()['cache-control']).toMatch(/no-store/);
      await expectFormHolds(page, taro);
      // Not the browser's own form restoration: a fresh tab of the same browser is filled in too.
      const tab = await context.newPage();
      await tab.goto('/checkout');
      await expectFormHolds(tab, taro);
      await expectNoPersonalDataInCookies(context, taro);

      // A changed form sent again replaces what is kept.
      await fillCheckout(tab, hanako);
      await tab.getByTestId('pay-with-smartpay').click();
      await tab.waitForURL(/\/sandbox\/checkout\/checkout_test_/);
      await page.reload();
      await expectFormHolds(page, hanako);

      const other = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const stranger = await other.newPage();
      await addHojicha(stranger);
      await stranger.goto('/checkout');
      await expect(stranger.getByTestId('checkout-form')).toBeVisible();
      await expectFormEmpty(stranger);
      await other.close();

      // Once the order is paid, the form has done its work: nothing is kept.
      await tab.getByTestId('sandbox-approve').click();
      await tab.waitForURL(/\/success\?ref=SP-/);
      await expect(tab.getByTestId('success-confirmed')).toBeVisible();
      await addHojicha(page);
      await page.goto('/checkout');
      await expectFormEmpty(page);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('Back from the payment page and a reload keep what the shopper typed; another browser sees none of it', async ({ page, context, browser }) => {
    await addHojicha(page, { javaScript: false });
    await checkoutToSandbox(page, taro);
    await page.goBack();
    await expect(page).toHaveURL(/\/checkout$/);
    await expectFormHolds(page, taro);
    await page.reload();
    await expectFormHolds(page, taro);
    const tab = await context.newPage();
    await tab.goto('/checkout');
    await expectFormHolds(tab, taro);
    await expectNoPersonalDataInCookies(context, taro);

    const other = await browser.newContext({ javaScriptEnabled: false });
    const stranger = await other.newPage();
    await addHojicha(stranger, { javaScript: false });
    await stranger.goto('/checkout');
    await expect(stranger.getByTestId('checkout-form')).toBeVisible();
    await expectFormEmpty(stranger);
    await other.close();
  });

  test('the footer and the trust pages work without JavaScript', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('footer-tokushoho').click();
    await expect(page.getByRole('heading', { level: 1, name: '特定商取引法に基づく表記' })).toBeVisible();
    await page.getByTestId('footer-contact').click();
    await expect(page.getByRole('heading', { level: 1, name: 'お問い合わせ' })).toBeVisible();
  });
});
