import { expect, type Page } from '@playwright/test';

export interface Shopper {
  email: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string;
  givenNameKana?: string;
  phone: string;
  postalCode: string;
  /** JIS code of the prefecture, e.g. 13 for Tokyo. */
  prefecture: string;
  city: string;
  line1: string;
  line2?: string;
}

export const taro: Shopper = {
  email: 'taro@example.com',
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  phone: '090-1234-5678',
  postalCode: '150-0001',
  prefecture: '13',
  city: '渋谷区',
  line1: '神宮前1-2-3',
  line2: 'スマートペイビル 101',
};

/** The number in the header's cart badge. */
export const cartCount = (page: Page) => page.getByTestId('cart-count');

/** Adds a product from the home page grid and waits for the confirmation. */
export async function addFromGrid(page: Page, productId: string) {
  const card = page.getByTestId(`product-card-${productId}`);
  await card.getByTestId(`add-to-cart-${productId}`).click();
  await expect(card.getByRole('status')).toContainText(/カートに追加しました|Added to your cart/);
}

export async function fillCheckout(page: Page, shopper: Shopper) {
  for (const [field, value] of Object.entries(shopper)) {
    if (value === undefined) continue;
    const input = page.getByTestId(`field-${field}`);
    if (field === 'prefecture') await input.selectOption(value);
    else await input.fill(value);
  }
}

/** From a cart with items: checkout, fill the form, pay, and wait for the sandbox's hosted page. */
export async function checkoutToSandbox(page: Page, shopper: Shopper = taro) {
  await page.goto('/checkout');
  await fillCheckout(page, shopper);
  await page.getByTestId('pay-with-smartpay').click();
  await page.waitForURL(/\/sandbox\/checkout\/checkout_test_[0-9A-Za-z]+/);
}
