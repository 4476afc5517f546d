import { expect, test } from './fixtures';
import { fillCheckout, taro } from './helpers';

test.use({ javaScriptEnabled: false });

test('a shopper without JavaScript can buy: the forms post to server actions and the cart empties after payment', async ({ page }) => {
  await page.goto('/products/roasted-hojicha');
  await page.getByTestId('add-to-cart-p_hojicha').click();
  // The header's count is read in the browser (catalog pages are prerendered); the cart page is rendered per shopper.
  await page.goto('/cart');
  await expect(page.getByTestId('quantity-p_hojicha')).toHaveValue('1');

  await page.goto('/checkout');
  await fillCheckout(page, { ...taro, phone: '12345' });
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('error-phone')).toContainText('日本の電話番号');
  await expect(page.getByTestId('field-email')).toHaveValue(taro.email);

  await page.getByTestId('field-phone').fill(taro.phone);
  const action = page.waitForResponse((response) => response.request().method() === 'POST' && response.status() === 303);
  await page.getByTestId('pay-with-smartpay').click();
  expect(await (await action).headerValue('server-timing')).toMatch(/^db;dur=[\d.]+;desc="database", smartpay;dur=[\d.]+;.*total;dur=[\d.]+$/);
  await page.waitForURL(/\/sandbox\/checkout\/checkout_test_/);
  await page.getByTestId('sandbox-approve').click();

  await page.waitForURL(/\/success\?ref=SP-/);
  await expect(page.getByTestId('success-confirmed')).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'succeeded');
  await page.goto('/cart');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
});
