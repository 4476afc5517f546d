import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { addFromGrid, cartCount, checkoutToSandbox } from './helpers';

/** /cancel tells a decline from a cancel, in both languages, on a phone and on a desktop. */
for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test.describe(`/cancel (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('a declined payment says Smartpay did not approve it and what to try next', async ({ page }) => {
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      await checkoutToSandbox(page);
      await page.getByTestId('sandbox-decline').click();
      await page.waitForURL(/\/cancel\?ref=SP-/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smartpay でのお支払いが承認されませんでした');
      await expect(page.locator('section[aria-labelledby="declined-next"] li')).toHaveCount(3);
      await expectNoViolations(page);
      await page.getByTestId('locale-en').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smartpay did not approve the payment');
      await expect(page.getByRole('heading', { name: 'What you can try next' })).toBeVisible();
      await expect(cartCount(page)).toHaveText('1');
      await expectNoViolations(page);
    });

    test('a payment left on Smartpay\'s page can still be paid from there', async ({ page }) => {
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      await checkoutToSandbox(page);
      await page.getByTestId('sandbox-cancel').click();
      await page.waitForURL(/\/cancel\?ref=SP-/);
      await expect(page.getByTestId('cancel-page')).toHaveAttribute('data-outcome', 'payable');
      await expect(page.getByTestId('cancel-resume')).toBeVisible();
      await expectNoViolations(page);
      await page.getByTestId('locale-en').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment interrupted');
      await expect(page.getByTestId('cancel-resume')).toHaveText('Return to Smartpay’s payment page');
      await expectNoViolations(page);
    });
  });
}
