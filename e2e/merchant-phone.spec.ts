import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addFromGrid, checkoutToSandbox } from './helpers';

/**
 * The merchant's pages on a phone and on a desktop: abandoned orders left out of /orders and shown on
 * request (with and without JavaScript), the list and the status history readable at 390 px, the header's
 * language switch, the delivery address in each language, and times in Japan time, labelled, on /orders
 * and /sandbox. axe finds nothing on any of them.
 */

const sizes = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Checks out the cart and cancels on the sandbox's page; returns the order's reference. */
async function checkoutAndCancel(page: Page): Promise<string> {
  await checkoutToSandbox(page);
  await page.getByTestId('sandbox-cancel').click();
  await page.waitForURL(/\/cancel\?ref=SP-/);
  return new URL(page.url()).searchParams.get('ref') ?? '';
}

/** Nothing on the page is wider than the window: no sideways scrolling of the page itself. */
async function expectNoPageOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** The element lies wholly inside the window's width. */
async function expectWithinWidth(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/**
 * Reads a time shown in Japan time (`2026/11/26 8:30:05 JST`, `Nov 26, 2026, 08:30:05 JST`, `2026-11-26 08:30:05 JST`)
 * and checks it is now, within a few minutes: a time shown in UTC under a JST label would be nine hours off.
 */
function expectJapanTimeNow(text: string) {
  expect(text).toMatch(/ JST$/);
  const parsed = Date.parse(text.replace(/ JST$/, ' GMT+0900'));
  const numeric = /^(\d{4})[/-](\d{2})[/-](\d{2}) (\d{1,2}):(\d{2}):(\d{2}) JST$/.exec(text);
  const at = numeric
    ? Date.parse(`${numeric[1]}-${numeric[2]}-${numeric[3]}T${numeric[4]!.padStart(2, '0')}:${numeric[5]}:${numeric[6]}+09:00`)
    : parsed;
  expect(Number.isNaN(at)).toBe(false);
  expect(Math.abs(at - Date.now())).toBeLessThan(10 * 60_000);
}

/** No cell of the table is squeezed to a character or two a line. */
async function expectNoNarrowCells(table: Locator) {
  const narrow = await table.locator('th, td').evaluateAll((cells) =>
    cells
      .filter((cell) => (cell.textContent ?? '').trim().length > 2)
      .map((cell) => ({ text: (cell.textContent ?? '').trim(), width: cell.getBoundingClientRect().width }))
      .filter((cell) => cell.width < 56),
  );
  expect(narrow).toEqual([]);
}

for (const { name, viewport } of sizes) {
  test.describe(`merchant pages on a ${name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    test('abandoned orders are hidden, counted and shown on request; the list and the order read well', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      // Canceled on Smartpay's page, then checked out again: the first order gives way to the second.
      const abandoned = await checkoutAndCancel(page);
      const current = await checkoutAndCancel(page);
      expect(abandoned).not.toBe(current);

      await page.goto('/orders');
      await expect(page.getByRole('heading', { name: '注文一覧' })).toBeVisible();
      const phone = viewport.width < 768;
      const statusOf = (reference: string) => page.getByTestId(phone ? `order-card-status-${reference}` : `order-status-${reference}`);
      await expect(statusOf(current)).toHaveText('お支払い待ち');
      await expect(statusOf(abandoned)).toHaveCount(0);
      await expect(page.getByTestId('abandoned-hidden')).toHaveText('放棄された注文 1 件を表示していません。');
      if (phone) {
        // One card per order: reference, status and total in the width of the phone.
        await expect(page.getByTestId('orders-table')).toBeHidden();
        const card = page.getByTestId(`order-card-${current}`);
        await expectWithinWidth(page, card.getByTestId(`order-card-link-${current}`));
        await expectWithinWidth(page, statusOf(current));
        await expectWithinWidth(page, card.getByTestId(`order-card-total-${current}`));
        await expect(card.getByTestId(`order-card-total-${current}`)).toHaveText(/[¥￥]1,580/);
        expectJapanTimeNow((await card.locator('dd').nth(1).textContent()) ?? '');
      } else {
        await expect(page.getByTestId('order-cards')).toBeHidden();
        await expectWithinWidth(page, statusOf(current));
        expectJapanTimeNow((await page.getByTestId(`order-row-${current}`).locator('td').first().textContent()) ?? '');
      }
      await expectNoPageOverflow(page);
      await expectNoAxeViolations(page);

      await page.getByTestId('abandoned-show').click();
      await expect(page).toHaveURL(/\/orders\?abandoned=show$/);
      await expect(statusOf(abandoned)).toHaveText('放棄（未払い）');
      await expect(statusOf(abandoned)).toHaveAttribute('data-status', 'abandoned');
      await expect(statusOf(current)).toHaveText('お支払い待ち');
      await expect(page.getByTestId('status-filter-abandoned')).toBeChecked();
      await expectNoAxeViolations(page);

      // The abandoned order: no action, and a history that says why, readable at this width.
      await page.getByTestId(phone ? `order-card-link-${abandoned}` : `order-link-${abandoned}`).click();
      await expect(page.getByTestId('order-reference')).toHaveText(abandoned);
      await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'abandoned');
      await expect(page.getByTestId('no-actions')).toBeVisible();
      for (const form of ['capture-form', 'cancel-form', 'refund-form']) await expect(page.getByTestId(form)).toHaveCount(0);
      const history = page.getByTestId('status-history');
      const why = history.getByTestId('status-history-row').filter({ has: page.locator('[data-status="abandoned"]') });
      await expect(why).toContainText('同じブラウザーで新しい注文');
      await expect(why).toContainText(`newer order ${current}`);
      await expectNoNarrowCells(history);
      await expectNoPageOverflow(page);
      await expect(page.getByTestId('order-address').locator('span')).toHaveText(['〒150-0001', '東京都渋谷区神宮前1-2-3', 'スマートペイビル 101']);
      expectJapanTimeNow((await page.getByTestId('order-created-at').textContent()) ?? '');
      await expectNoAxeViolations(page);

      // The same page in English, from the header's switch.
      await page.getByTestId('locale-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByTestId('order-status')).toHaveText('Abandoned (unpaid)');
      await expect(why).toContainText('Newer order from the same browser');
      await expect(page.getByTestId('order-address').locator('span')).toHaveText([
        'スマートペイビル 101, 神宮前1-2-3',
        '渋谷区, Tokyo, 150-0001',
        'Japan',
      ]);
      await expectNoNarrowCells(history);
      await expectNoPageOverflow(page);
      expectJapanTimeNow((await page.getByTestId('order-created-at').textContent()) ?? '');
      await expectNoAxeViolations(page);

      await page.goto('/orders');
      await expect(page.getByTestId('abandoned-hidden')).toHaveText('Abandoned orders not shown: 1.');
      await expect(statusOf(current)).toHaveText('Awaiting payment');
      await expectNoPageOverflow(page);
      await expectNoAxeViolations(page);
    });

    test('the abandoned-orders filter works without JavaScript', async ({ page, browser }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      const abandoned = await checkoutAndCancel(page);
      const current = await checkoutAndCancel(page);

      const context = await browser.newContext({ viewport, javaScriptEnabled: false, storageState: await page.context().storageState() });
      const plain = await context.newPage();
      const phone = viewport.width < 768;
      const statusOf = (reference: string) => plain.getByTestId(phone ? `order-card-status-${reference}` : `order-status-${reference}`);
      await plain.goto('/orders');
      await expect(statusOf(current)).toBeVisible();
      await expect(statusOf(abandoned)).toHaveCount(0);
      await plain.getByTestId('status-filter-abandoned').check();
      await plain.getByTestId('status-filter-apply').click();
      await expect(plain).toHaveURL(/abandoned=show/);
      await expect(statusOf(abandoned)).toHaveAttribute('data-status', 'abandoned');
      await expect(statusOf(current)).toBeVisible();

      await plain.getByTestId('status-filter-select').selectOption('abandoned');
      await plain.getByTestId('status-filter-apply').click();
      await expect(plain).toHaveURL(/status=abandoned/);
      await expect(statusOf(abandoned)).toBeVisible();
      await expect(statusOf(current)).toHaveCount(0);
      await context.close();
    });

    test("the header's language switch shows the current language, and /sandbox shows Japan time", async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await addFromGrid(page, 'p_hojicha');
      await checkoutAndCancel(page);

      await page.goto('/orders');
      for (const [current, other] of [
        ['ja', 'en'],
        ['en', 'ja'],
      ] as const) {
        const selected = page.getByTestId(`locale-${current}`);
        const unselected = page.getByTestId(`locale-${other}`);
        await expect(selected).toHaveAttribute('aria-current', 'true');
        await expect(selected).toHaveAttribute('aria-pressed', 'true');
        await expect(unselected).not.toHaveAttribute('aria-current', /.*/);
        // On the dark header the current language is the bright, filled one.
        await expect(selected).toHaveCSS('background-color', 'rgb(255, 255, 255)');
        await expect(unselected).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
        await expectNoAxeViolations(page);
        if (current === 'ja') {
          await unselected.click();
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        }
      }

      await page.goto('/sandbox');
      const times = page.locator('td').filter({ hasText: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST$/ });
      await expect(times.first()).toBeVisible();
      expectJapanTimeNow((await times.first().textContent()) ?? '');
      await expect(page.locator('td').filter({ hasText: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/ })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  });
}
