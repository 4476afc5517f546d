import { expect, test } from './fixtures';
import { addFromGrid, cartCount, checkoutToSandbox } from './helpers';

test('an order whose shopper never comes back is settled by its webhook', async ({ page, request }) => {
  // Time for the first three delivery attempts (at once, after 1 s and after 5 s more), each up to 5 s.
  test.setTimeout(60_000);
  await page.goto('/');
  await addFromGrid(page, 'p_genmaicha');
  await checkoutToSandbox(page);
  const sessionId = page.url().match(/checkout_test_[0-9A-Za-z]+/)?.[0];
  expect(sessionId).toBeTruthy();

  // The shopper approves on Smartpay (the hosted page's form post), then the tab closes before the redirect
  // back: nobody opens /success.
  const answer = await request.post(`/sandbox/checkout/${sessionId}/outcome`, { form: { outcome: 'approve' }, maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  const reference = new URL(answer.headers()['location']!, page.url()).searchParams.get('ref');
  expect(reference).toMatch(/^SP-[0-9A-F]{12}$/);

  // The merchant's list shows stored state only; the webhook is what moves the order.
  await expect
    .poll(
      async () => {
        await page.goto('/orders');
        return page.getByTestId(`order-status-${reference}`).getAttribute('data-status');
      },
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  await page.getByTestId(`order-link-${reference}`).click();
  const history = page.getByTestId('status-history');
  await expect(history.getByTestId('status-history-row').filter({ hasText: 'お支払い済み' })).toContainText('Webhook');
  await expect(page.getByTestId('webhook-events')).toContainText('order.authorized');

  // The cart of a shopper who never came back stays as it was.
  await page.goto('/cart');
  await expect(cartCount(page)).toHaveText('1');
});
