import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { addFromGrid, checkoutToSandbox } from './helpers';

/** WCAG 2.1 A/AA checks with axe-core on the pages a shopper and a merchant see. */

test('shop pages have no WCAG A/AA violations, in Japanese and English', async ({ page }) => {
  await page.goto('/');
  await expectNoViolations(page);
  await addFromGrid(page, 'p_sencha');
  await page.goto('/products/sencha-green-tea');
  await expectNoViolations(page);
  await page.goto('/cart');
  await expectNoViolations(page);
  await page.goto('/checkout');
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('error-email')).not.toBeEmpty();
  await expectNoViolations(page);
  await page.getByTestId('locale-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoViolations(page);
});

test('the sandbox checkout, result and merchant pages have no WCAG A/AA violations', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, 'p_sencha');
  await checkoutToSandbox(page);
  await expectNoViolations(page);
  await page.getByTestId('sandbox-approve').click();
  await page.waitForURL(/\/success\?ref=/);
  await expect(page.getByTestId('success-confirmed')).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/orders');
  await expectNoViolations(page);
  await page.locator('a[data-testid^="order-link-"]').first().click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/sandbox');
  await expectNoViolations(page);
});
