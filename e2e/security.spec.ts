import { expect, test } from '@playwright/test';
import { addFromGrid, fillCheckout, taro } from './helpers';

// Attacks that were once found, kept as regression tests.

test('another browser that posts a victim’s checkout attempt gets its own order; the victim’s stays as typed', async ({ page, browser }) => {
  // The victim opens the checkout; their attempt is in the page (and its first digits end up in the reference).
  await page.goto('/');
  await addFromGrid(page, 'p_hojicha');
  await page.goto('/checkout');
  const victimAttempt = (await page.locator('input[name="attempt"]').inputValue()).trim();
  const victimReference = `SP-${victimAttempt.split('.')[0]!.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  await fillCheckout(page, taro);

  // The attacker, in another browser with no cookies of the victim, posts the victim's attempt with their own details.
  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  await attacker.goto('/');
  await addFromGrid(attacker, 'p_hojicha');
  await attacker.goto('/checkout');
  await attacker.locator('input[name="attempt"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), victimAttempt);
  await fillCheckout(attacker, { ...taro, email: 'attacker@example.com', familyName: '悪田', line1: '別の住所 9-9-9' });
  await attacker.getByTestId('pay-with-smartpay').click();
  await attacker.waitForURL(/\/sandbox\/checkout\/checkout_test_/);
  await attacker.getByTestId('sandbox-cancel').click();
  await attacker.waitForURL(/\/cancel\?ref=SP-/);
  const attackerReference = new URL(attacker.url()).searchParams.get('ref');
  expect(attackerReference).not.toBe(victimReference);
  await attackerContext.close();

  // The victim pays; the order is theirs, with what they typed.
  await page.getByTestId('pay-with-smartpay').click();
  await page.waitForURL(/\/sandbox\/checkout\/checkout_test_/);
  await page.getByTestId('sandbox-approve').click();
  await page.waitForURL(/\/success\?ref=SP-/);
  expect(new URL(page.url()).searchParams.get('ref')).toBe(victimReference);
  await page.goto('/orders');
  await page.getByTestId(`order-link-${victimReference}`).click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('order-customer-email')).toHaveText(taro.email);
  await expect(page.getByTestId('order-customer')).not.toContainText('悪田');
});
