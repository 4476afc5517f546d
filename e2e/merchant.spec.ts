import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addFromGrid, checkoutToSandbox } from './helpers';

// Catalog price (tax included) of the product these tests buy, and the shipping fee below ¥5,000.
const HOJICHA = { id: 'p_hojicha', price: 980 };
const SHIPPING_FEE = 600;
const TOTAL = HOJICHA.price + SHIPPING_FEE;
const yen = (n: number) => new RegExp(`[¥￥]${n.toLocaleString('en-US')}(?!\\d)`);

/** Opens the order with this reference from the merchant's list. */
async function openFromList(page: Page, reference: string) {
  await page.goto('/orders');
  await expect(page.getByRole('heading', { name: '注文一覧' })).toBeVisible();
  await page.getByTestId(`order-link-${reference}`).click();
  await expect(page.getByTestId('order-reference')).toHaveText(reference);
}

test('the merchant finds a paid order, refunds part of it, then the rest', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await checkoutToSandbox(page);
  await page.getByRole('button', { name: '承認する' }).click();
  await page.waitForURL(/\/success\?ref=SP-/);
  // The page says the payment is confirmed once it is stored (at once, or after its status poll).
  await expect(page.getByTestId('success-confirmed')).toBeVisible();
  const reference = (await page.getByTestId('order-reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^SP-[0-9A-F]{12}$/);

  await page.goto('/orders');
  const row = page.getByTestId(`order-row-${reference}`);
  await expect(row).toContainText(yen(TOTAL));
  await expect(page.getByTestId(`order-status-${reference}`)).toHaveText('お支払い済み');
  await openFromList(page, reference);

  const status = page.getByTestId('order-status');
  await expect(status).toHaveAttribute('data-status', 'succeeded');
  await expect(status).toHaveText('お支払い済み');
  await expect(page.getByTestId('order-total')).toHaveText(yen(TOTAL));
  await expect(page.getByTestId('order-captured')).toHaveText(yen(TOTAL));
  await expect(page.getByTestId('status-history').getByTestId('status-history-row').first()).toBeVisible();
  await expect(page.getByTestId('status-history')).toContainText('お支払い済み');
  await expect(page.getByTestId('capture-form')).toHaveCount(0);
  await expect(page.getByTestId('cancel-form')).toHaveCount(0);

  await expect(page.getByTestId('refund-amount')).toHaveValue(String(TOTAL));
  await page.getByTestId('refund-amount').fill('500');
  await page.getByTestId('refund-reason').selectOption('requested_by_customer');
  await page.getByTestId('refund-submit').click();
  await expect(page.getByTestId('action-ok')).toContainText(yen(500));
  await expect(page.getByTestId('order-refunded')).toHaveText(yen(500));
  await expect(status).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('order-refunds').getByTestId('order-refunds-row')).toHaveCount(1);

  await expect(page.getByTestId('refund-amount')).toHaveValue(String(TOTAL - 500));
  await page.getByTestId('refund-submit').click();
  await expect(status).toHaveAttribute('data-status', 'refunded');
  await expect(status).toHaveText('返金済み');
  await expect(page.getByTestId('order-refunded')).toHaveText(yen(TOTAL));
  await expect(page.getByTestId('action-ok')).toContainText(yen(TOTAL - 500));
  await expect(page.getByTestId('refund-form')).toHaveCount(0);
  await expect(page.getByTestId('no-actions')).toBeVisible();
  await expect(page.getByTestId('status-history')).toContainText('返金済み');
});

// Smartpay cancels only orders in requires_capture (or already canceled) and answers 409 order.cannot-cancel to
// anything else (https://en.docs.smartpay.co/reference/cancel-order), so an unpaid order offers no Cancel; the
// cancellation of an authorized order is covered by lib/merchant/operations.db.test.ts.
test('an order the shopper left unpaid offers no action to the merchant', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, HOJICHA.id);
  await checkoutToSandbox(page);
  await page.getByRole('button', { name: 'キャンセルしてショップに戻る' }).click();
  await page.waitForURL(/\/cancel\?ref=SP-/);
  const reference = new URL(page.url()).searchParams.get('ref') ?? '';
  expect(reference).toMatch(/^SP-[0-9A-F]{12}$/);

  await openFromList(page, reference);
  const status = page.getByTestId('order-status');
  await expect(status).toHaveAttribute('data-status', 'awaiting_authorization');
  await expect(status).toHaveText('お支払い待ち');
  await expect(page.getByTestId('order-total')).toHaveText(yen(TOTAL));
  await expect(page.getByTestId('order-actions')).toBeVisible();
  await expect(page.getByTestId('no-actions')).toBeVisible();
  await expect(page.getByTestId('cancel-form')).toHaveCount(0);
  await expect(page.getByTestId('capture-form')).toHaveCount(0);
  await expect(page.getByTestId('refund-form')).toHaveCount(0);

  // Nothing moved the order past awaiting authorization: its history has no cancellation.
  const history = page.getByTestId('status-history');
  await expect(history.locator('[data-status="awaiting_authorization"]').first()).toBeVisible();
  await expect(history.locator('[data-status="canceled"]')).toHaveCount(0);
});
