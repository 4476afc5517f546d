import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { addFromGrid } from './helpers';

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test.describe(`postal code autofill (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('a postal code fills in the prefecture, city and town, which the shopper can still edit', async ({ page }) => {
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      await page.goto('/checkout');
      await page.getByTestId('field-postalCode').fill('１５００００１');
      await expect(page.getByTestId('field-prefecture')).toHaveValue('13');
      await expect(page.getByTestId('field-city')).toHaveValue('渋谷区');
      await expect(page.getByTestId('field-line1')).toHaveValue('神宮前');
      await expect(page.getByTestId('postal-code-filled')).toContainText('〒150-0001');
      await expectNoViolations(page);

      // The shopper corrects the city; another code then leaves that alone and fills the rest.
      await page.getByTestId('field-city').fill('渋谷区（編集）');
      await page.getByTestId('field-line1').fill('神宮前1-2-3');
      await page.getByTestId('field-postalCode').fill('107-0052');
      await expect(page.getByTestId('postal-code-filled')).toContainText('〒107-0052');
      await expect(page.getByTestId('field-city')).toHaveValue('渋谷区（編集）');
      await expect(page.getByTestId('field-line1')).toHaveValue('神宮前1-2-3');
      await expect(page.getByTestId('field-prefecture')).toHaveValue('13');
    });

    test('an answer that comes while the shopper is in the address line leaves that line to them', async ({ page }) => {
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      await page.goto('/checkout');
      // Hold the lookup's answer until the shopper has moved on to the address line.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/postal-codes/**', async (route) => {
        await held;
        await route.continue();
      });
      await page.getByTestId('field-postalCode').fill('150-0001');
      await page.getByTestId('field-line1').focus();
      release();
      await expect(page.getByTestId('postal-code-filled')).toContainText('〒150-0001');
      await expect(page.getByTestId('field-city')).toHaveValue('渋谷区');
      await expect(page.getByTestId('field-line1')).toHaveValue('');
      await page.keyboard.type('神宮前1-2-3');
      await expect(page.getByTestId('field-line1')).toHaveValue('神宮前1-2-3');
    });

    test('an unknown postal code fills in nothing', async ({ page }) => {
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      await page.goto('/checkout');
      const lookup = page.waitForResponse((response) => response.url().includes('/api/postal-codes/9999999'));
      await page.getByTestId('field-postalCode').fill('999-9999');
      expect((await lookup).status()).toBe(404);
      await expect(page.getByTestId('field-city')).toHaveValue('');
      await expect(page.getByTestId('postal-code-filled')).toBeEmpty();
    });
  });
}
