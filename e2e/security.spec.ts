import { expect, test } from './fixtures';
import { addFromGrid, checkoutToSandbox, fillCheckout, taro } from './helpers';

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

  // The victim pays; the order is theirs, with what they typed.
  await page.getByTestId('pay-with-smartpay').click();
  await page.waitForURL(/\/sandbox\/checkout\/checkout_test_/);
  await page.getByTestId('sandbox-approve').click();
  await page.waitForURL(/\/success\?ref=SP-/);
  await expect(page.getByTestId('success-confirmed')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('ref')).toBe(victimReference);
  await page.goto('/orders');
  await page.getByTestId(`order-link-${victimReference}`).click();
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('order-customer-email')).toHaveText(taro.email);
  await expect(page.getByTestId('order-customer')).not.toContainText('悪田');

  // On the public demo the attacker's browser sees its own order, never the victim's.
  await attacker.goto('/orders');
  await expect(attacker.getByTestId('orders-visitor-note')).toBeVisible();
  await expect(attacker.getByTestId(`order-link-${attackerReference}`)).toBeVisible();
  await expect(attacker.getByTestId(`order-link-${victimReference}`)).toHaveCount(0);
  const stranger = await attacker.request.get(page.url());
  expect(stranger.status()).toBe(404);
  await attackerContext.close();
});

test('another site cannot frame the checkout or the sandbox’s hosted page', async ({ page }) => {
  await page.goto('/');
  await addFromGrid(page, 'p_hojicha');
  await checkoutToSandbox(page);
  const hosted = page.url();
  await expect(page.getByTestId('sandbox-approve')).toBeVisible();
  const checkout = new URL('/checkout', hosted).href;
  await page.route('http://framing.example/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>framing</title><iframe name="checkout" src="${checkout}"></iframe><iframe name="hosted" src="${hosted}"></iframe>`,
    }),
  );
  await page.goto('http://framing.example/');
  await page.waitForLoadState('load');
  // Chromium replaces a frame refused by frame-ancestors / X-Frame-Options with its error page: no buttons to click.
  for (const [name, button] of [
    ['checkout', 'pay-with-smartpay'],
    ['hosted', 'sandbox-approve'],
  ] as const) {
    const frame = page.frame({ name });
    expect(frame, name).toBeTruthy();
    await expect(frame!.getByTestId(button)).toHaveCount(0);
    await expect(frame!.locator('button')).toHaveCount(0);
  }
});

test('pages and API answers carry the security headers', async ({ request }) => {
  for (const path of ['/', '/products/roasted-hojicha', '/cart', '/checkout', '/orders', '/sandbox', '/api/checkouts/SP-000000000000/status', '/api/health']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
    expect(headers['content-security-policy'], path).toMatch(/form-action 'self'/);
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    // HSTS exactly when the shop is served over https (scripts/security-check.mjs checks an https APP_URL).
    if (new URL(response.url()).protocol === 'https:') expect(headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
    else expect(headers['strict-transport-security'], path).toBeUndefined();
  }
});

test('the health route says what a load balancer needs and nothing more', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ status: 'ok', mode: 'sandbox', database: expect.stringMatching(/^(pglite|postgres)$/), migrations: 'current' });
});
