import { expect, test } from './fixtures';
import { addFromGrid, cartCount, checkoutToSandbox, fillCheckout, taro } from './helpers';

// Catalog prices (tax included) of the products these tests buy.
const HOJICHA = { id: 'p_hojicha', slug: 'roasted-hojicha', price: 980 };
const NOTEBOOK = { id: 'p_washi_notebook', slug: 'washi-notebook', price: 1540 };
const SHIPPING_FEE = 600;
const yen = (n: number) => new RegExp(`[¥￥]${n.toLocaleString('en-US')}(?!\\d)`);

test('buys two products in Japanese: cart, checkout, Smartpay approval, confirmed order, empty cart', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  await addFromGrid(page, HOJICHA.id);
  await page.goto(`/products/${NOTEBOOK.slug}`);
  await page.getByTestId(`add-to-cart-${NOTEBOOK.id}`).click();
  await expect(cartCount(page)).toHaveText('2');

  await page.getByTestId('header-cart-link').click();
  await expect(page).toHaveURL(/\/cart$/);
  await page.getByTestId(`quantity-${HOJICHA.id}`).fill('3');
  await page.getByTestId(`update-${HOJICHA.id}`).click();
  await expect(page.getByTestId(`line-total-${HOJICHA.id}`)).toHaveText(yen(3 * HOJICHA.price));
  await expect(cartCount(page)).toHaveText('4');

  const subtotal = 3 * HOJICHA.price + NOTEBOOK.price; // 4,480: below the free-shipping threshold
  const total = subtotal + SHIPPING_FEE;
  await expect(page.getByTestId('subtotal')).toHaveText(yen(subtotal));
  await expect(page.getByTestId('shipping-fee')).toHaveText(yen(SHIPPING_FEE));
  await expect(page.getByTestId('total')).toHaveText(yen(total));

  await page.getByTestId('proceed-to-checkout').click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId('checkout-summary').getByTestId('total')).toHaveText(yen(total));
  await fillCheckout(page, taro);
  const action = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/checkout');
  await page.getByTestId('pay-with-smartpay').click();
  // The checkout action says where its time went (lib/server-timing.ts).
  expect(await (await action).headerValue('server-timing')).toMatch(/^db;dur=[\d.]+;desc="database", smartpay;dur=[\d.]+;desc="Smartpay", shop;dur=[\d.]+;desc="the shop itself", total;dur=[\d.]+$/);

  await page.waitForURL(/\/sandbox\/checkout\/checkout_test_[0-9A-Za-z]+/);
  await expect(page.getByText(yen(total)).first()).toBeVisible();
  await page.getByRole('button', { name: '承認する' }).click();

  // (`&again=1` when the payment was recorded between proxy.ts's reading and the page's.)
  await page.waitForURL(/\/success\?ref=SP-[0-9A-F]{12}(&again=1)?$/);
  await expect(page.getByRole('heading', { name: 'ご注文ありがとうございました' })).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText(yen(total));
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('order-reference')).toHaveText(/^SP-[0-9A-F]{12}$/);
  await expect(cartCount(page)).toHaveText('0');

  await page.goto('/cart');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
});

test('cancelling on Smartpay returns to /cancel with the cart kept', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await addFromGrid(page, NOTEBOOK.id);
  await checkoutToSandbox(page);
  await page.getByRole('button', { name: 'キャンセルしてショップに戻る' }).click();

  await page.waitForURL(/\/cancel\?ref=SP-/);
  // Smartpay still holds the order: the shopper is told so and can go back to pay it.
  await expect(page.getByRole('heading', { name: 'お支払い手続きが中断されました' })).toBeVisible();
  await expect(page.getByTestId('cancel-page')).toHaveAttribute('data-outcome', 'payable');
  await expect(cartCount(page)).toHaveText('2');
  await page.getByTestId('cancel-try-again').click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId('checkout-form')).toBeVisible();
});

test('after leaving Smartpay\'s page, the shopper returns to it from /cancel and pays the same order', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await checkoutToSandbox(page);
  await page.getByTestId('sandbox-cancel').click();
  await page.waitForURL(/\/cancel\?ref=SP-/);
  const ref = new URL(page.url()).searchParams.get('ref');
  await page.getByTestId('cancel-resume').click();
  await page.waitForURL(/\/sandbox\/checkout\//);
  await page.getByRole('button', { name: '承認する' }).click();
  await page.waitForURL(/\/success\?ref=SP-/);
  expect(new URL(page.url()).searchParams.get('ref')).toBe(ref);
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(cartCount(page)).toHaveText('0');
  // /cancel of a paid order shows its result instead.
  await page.goto(`/cancel?ref=${ref}`);
  await expect(page).toHaveURL(/\/success\?ref=SP-/);
});

test('a declined payment returns to /cancel and keeps the cart', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await checkoutToSandbox(page);
  await page.getByTestId('sandbox-decline').click();
  await page.waitForURL(/\/cancel\?ref=SP-/);
  // Told apart from a cancel: Smartpay declined, with what to try next; no way back to the payment page.
  await expect(page.getByRole('heading', { name: 'Smartpay でのお支払いが承認されませんでした' })).toBeVisible();
  await expect(page.getByTestId('cancel-page')).toHaveAttribute('data-outcome', 'declined');
  await expect(page.getByRole('heading', { name: '次にお試しいただけること' })).toBeVisible();
  await expect(page.getByTestId('cancel-resume')).toHaveCount(0);
  await expect(cartCount(page)).toHaveText('1');
});

test('/cancel of an order this browser did not place says only that the payment is not complete', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await page.goto('/cancel?ref=SP-000000000000');
  await expect(page.getByTestId('cancel-page')).toHaveAttribute('data-outcome', 'notCompleted');
  await expect(page.getByTestId('order-reference')).toHaveCount(0);
  await expect(cartCount(page)).toHaveText('1');
});

test('/success for an order Smartpay has not authorized says so and keeps the cart', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await checkoutToSandbox(page);
  // The shopper returns without paying, then opens the success address of the same order by hand.
  await page.getByTestId('sandbox-cancel').click();
  await page.waitForURL(/\/cancel\?ref=SP-/);
  const ref = new URL(page.url()).searchParams.get('ref');
  await page.goto(`/success?ref=${ref}`);
  await expect(page.getByTestId('success-not-confirmed')).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'awaiting_authorization');
  await expect(cartCount(page)).toHaveText('1');
});

test('/success with an unknown reference says so and keeps the cart', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await page.goto('/success?ref=SP-000000000000');
  await expect(page.getByTestId('success-not-found')).toBeVisible();
  await expect(cartCount(page)).toHaveText('1');
});

test('buys a product in English', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('locale-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Handmade everyday goods' })).toBeVisible();

  await page.goto(`/products/${NOTEBOOK.slug}`);
  await page.getByTestId('add-quantity').selectOption('4');
  await page.getByTestId(`add-to-cart-${NOTEBOOK.id}`).click();
  await expect(cartCount(page)).toHaveText('4');
  const total = 4 * NOTEBOOK.price; // 6,160: ships free

  await page.goto('/cart');
  await expect(page.getByTestId('shipping-fee')).toHaveText('Free');
  await checkoutToSandbox(page, { ...taro, email: 'alex@example.com' });
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();

  await page.waitForURL(/\/success\?ref=/);
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Paid');
  await expect(page.getByTestId('order-total')).toHaveText(yen(total));
  await expect(cartCount(page)).toHaveText('0');
});
