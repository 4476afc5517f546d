import { expect, needsOwnServer, test } from './fixtures';
import { addFromGrid, cartCount, fillCheckout, taro } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, 'p_sencha');
  await page.goto('/checkout');
});

test('shows an error next to each invalid field, in Japanese, and stays on the page', async ({ page }) => {
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('error-email')).toHaveText('入力してください。');
  await expect(page.getByTestId('error-familyName')).toHaveText('入力してください。');
  await expect(page.getByTestId('error-prefecture')).toHaveText('都道府県を選択してください。');
  await expect(page.getByTestId('field-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-email')).toBeFocused();
  await expect(page.getByTestId('checkout-error')).toContainText('入力内容を確認してください');

  await fillCheckout(page, { ...taro, email: 'taro@', phone: '12345', postalCode: '15-0001', city: '渋'.repeat(81), familyNameKana: 'yamada' });
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('error-email')).toContainText('メールアドレスの形式');
  await expect(page.getByTestId('error-phone')).toContainText('日本の電話番号');
  await expect(page.getByTestId('error-postalCode')).toContainText('7桁');
  await expect(page.getByTestId('error-city')).toHaveText('80文字以内で入力してください。');
  await expect(page.getByTestId('error-familyNameKana')).toHaveText('カタカナで入力してください。');
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(cartCount(page)).toHaveText('1');
});

test('a field is checked when the shopper leaves it, then as they correct it; a field not yet left stays quiet', async ({ page }) => {
  const email = page.getByTestId('field-email');
  await email.fill('taro@');
  await expect(page.getByTestId('error-email')).toBeEmpty();
  await email.press('Tab');
  await expect(page.getByTestId('error-email')).toContainText('メールアドレスの形式');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('checkout-error')).toContainText('入力内容を確認してください（1件）');
  // The field the focus moved to, left empty and not yet left, shows nothing.
  await expect(page.getByTestId('field-familyName')).toBeFocused();
  await expect(page.getByTestId('error-familyName')).toBeEmpty();

  // Back to the e-mail: the family name, left empty, is now checked; the corrected e-mail is fine at once.
  await email.fill('taro@example.com');
  await expect(page.getByTestId('error-email')).toBeEmpty();
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('error-familyName')).toHaveText('入力してください。');
  await expect(page.getByTestId('checkout-error')).toContainText('入力内容を確認してください（1件）');
});

test('after a refused submission every field is checked as it changes, and the first field in error has the focus', async ({ page }) => {
  await fillCheckout(page, { ...taro, phone: '12345' });
  await page.getByTestId('field-city').fill('');
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('field-phone')).toBeFocused();
  await expect(page.getByTestId('error-phone')).toContainText('日本の電話番号');
  await expect(page.getByTestId('error-city')).toHaveText('入力してください。');
  await expect(page.getByTestId('checkout-error')).toContainText('入力内容を確認してください（2件）');

  await page.getByTestId('field-city').fill('渋谷区');
  await expect(page.getByTestId('error-city')).toBeEmpty();
  await page.getByTestId('field-phone').fill(taro.phone);
  await expect(page.getByTestId('error-phone')).toBeEmpty();
  await expect(page.getByTestId('checkout-error')).toBeEmpty();
  await expect(page).toHaveURL(/\/checkout$/);
});

test('the server rejects invalid input even when the browser skips validation', async ({ page }) => {
  // Post the form with the browser-side checks bypassed: the server action's own validation answers.
  await fillCheckout(page, { ...taro, phone: '12345' });
  await page.getByTestId('checkout-form').evaluate((form: HTMLFormElement) => {
    form.addEventListener('submit', (event) => event.stopImmediatePropagation(), { capture: true });
  });
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('error-phone')).toContainText('日本の電話番号');
  await expect(cartCount(page)).toHaveText('1');
});

for (const [scenario, message] of [
  ['500', 'Smartpay に接続できませんでした'],
  ['503', 'Smartpay に接続できませんでした'],
  ['400', 'Smartpay がご注文を受け付けませんでした'],
  ['malformed', '予期しないエラーが発生しました'],
  ['slow', 'Smartpay からの応答がありませんでした'],
] as const) {
  // The slow scenario needs the suite's own server's short timeouts: tagged, so `npm test` runs it there.
  test(`a Smartpay failure (${scenario}) is shown to the shopper and the cart is kept`, { tag: scenario === 'slow' ? ['@own-server'] : [] }, async ({ page }) => {
    if (scenario === 'slow') needsOwnServer('SMARTPAY_TIMEOUT_MS=3000 and SANDBOX_SLOW_MS=6000, so that the shop gives up first, quickly');
    await fillCheckout(page, { ...taro, email: `taro+sandbox_${scenario}@example.com` });
    const action = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/checkout', {
      timeout: 20_000,
    });
    await page.getByTestId('pay-with-smartpay').click();
    await expect(page.getByTestId('checkout-error')).toContainText(message, { timeout: 20_000 });
    // The answer still says where the time went, the failed call to Smartpay included.
    expect(await (await action).headerValue('server-timing')).toMatch(/smartpay;dur=[\d.]+;.*total;dur=[\d.]+$/);
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(page.getByTestId('field-email')).toHaveValue(`taro+sandbox_${scenario}@example.com`);
    await expect(cartCount(page)).toHaveText('1');
    await page.goto('/cart');
    await expect(page.getByTestId('cart-line-p_sencha')).toBeVisible();
  });
}

test('in English the same failure is explained in English', async ({ page }) => {
  await page.getByTestId('locale-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await fillCheckout(page, { ...taro, email: 'taro+sandbox_500@example.com' });
  await page.getByTestId('pay-with-smartpay').click();
  await expect(page.getByTestId('checkout-error')).toContainText('Smartpay could not be reached');
});
