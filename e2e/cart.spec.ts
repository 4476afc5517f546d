import { expect, test } from './fixtures';
import { addFromGrid, cartCount } from './helpers';

test('the cart survives a reload, removes lines and rejects bad quantities', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, 'p_genmaicha');
  await addFromGrid(page, 'p_tenugui');
  await addFromGrid(page, 'p_tenugui');
  await expect(cartCount(page)).toHaveText('3');
  await page.reload();
  await expect(cartCount(page)).toHaveText('3');

  await page.goto('/cart');
  await page.getByTestId('quantity-p_tenugui').fill('100');
  await page.getByTestId('update-p_tenugui').click();
  await expect(page.getByTestId('cart-line-p_tenugui')).toContainText('1から99の整数');
  await expect(cartCount(page)).toHaveText('3');

  await page.getByRole('button', { name: /手ぬぐい.*削除/ }).click();
  await expect(page.getByTestId('cart-line-p_tenugui')).toHaveCount(0);
  await expect(cartCount(page)).toHaveText('1');
});

test('a cart entry for a product that no longer exists is dropped with a notice', async ({ page, context, baseURL }) => {
  await context.addCookies([
    {
      name: 'cart',
      value: encodeURIComponent(
        JSON.stringify([
          { productId: 'p_discontinued', quantity: 2 },
          { productId: 'p_sencha', quantity: 1 },
        ]),
      ),
      url: baseURL!,
    },
  ]);
  await page.goto('/cart');
  await expect(page.getByTestId('cart-dropped-notice')).toBeVisible();
  await expect(page.getByTestId('cart-line-p_sencha')).toBeVisible();
  await expect(cartCount(page)).toHaveText('1');
  // The page removes the entry from the cookie in the background; the next visit has no notice.
  await expect
    .poll(async () => decodeURIComponent((await context.cookies()).find((c) => c.name === 'cart')?.value ?? ''))
    .not.toContain('p_discontinued');
  await page.reload();
  await expect(page.getByTestId('cart-dropped-notice')).toHaveCount(0);
});

test('an empty cart offers a way back to the shop', async ({ page }) => {
  await page.goto('/checkout');
  await expect(page.getByTestId('checkout-empty')).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
});
