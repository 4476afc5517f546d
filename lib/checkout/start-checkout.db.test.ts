import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest, NextResponse } from 'next/server';
import type { DatabaseHandle } from '@/lib/db/client';
import { CART_COOKIE } from '@/lib/cart/cart-cookie';
import { serializeCart } from '@/lib/cart/cart';
import { CART_COUNT_COOKIE } from '@/lib/cart/count-cookie';
import { issueAttempt } from '@/lib/checkout/attempt';
import { BROWSER_COOKIE, browserOwner, newBrowserId } from '@/lib/checkout/browser-id';
import { clearCartOnReturn } from '@/lib/checkout/clear-cart-on-return';
import { readCheckoutDraft } from '@/lib/checkout/drafts';
import { resumePayment } from '@/lib/checkout/resume-payment';
import { parsePendingCheckouts, PENDING_CHECKOUTS_COOKIE, withPendingCheckout } from '@/lib/checkout/pending-checkouts';
import { getConfig } from '@/lib/config';
import { getOrderByReference, listOrders, recordPendingOrder, transitionOrder } from '@/lib/orders/repository';
import { getSecrets } from '@/lib/secrets';
import type { ServerTimingMetric } from '@/lib/server-timing';
import { startCheckout, type CheckoutState } from '@/lib/smartpay';
import { databaseKind, openTestDatabase } from '@/test/database';
import { FakeSmartpay } from '@/test/fake-smartpay';
import { sampleOrder } from '@/test/orders';
import { validCheckoutForm } from '@/test/checkout';
import SuccessPage from '@/app/(shop)/[edition]/success/page';

/**
 * The checkout server action and the return page's cart rule, run as Next runs them, with the request's
 * cookies and headers, the test database and a Smartpay double (test/fake-smartpay.ts, itself checked
 * against the sandbox).
 */
const state = vi.hoisted(() => ({
  jar: new Map<string, string>(),
  /** What the action reported for `Server-Timing`. */
  timings: [] as ServerTimingMetric[],
  handle: undefined as unknown as DatabaseHandle,
  fake: undefined as unknown as FakeSmartpay,
}));

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    has: (name: string) => state.jar.has(name),
    set: (name: string, value: string) => void state.jar.set(name, value),
    delete: (name: string) => void state.jar.delete(name),
    getAll: () => [...state.jar].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }),
}));

class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
// A draft written slowly: the action's answer must still wait for it (a Back or reload right after finds it).
vi.mock('@/lib/checkout/drafts', async (importOriginal) => {
  const drafts = await importOriginal<typeof import('@/lib/checkout/drafts')>();
  return {
    ...drafts,
    saveCheckoutDraft: async (...args: Parameters<typeof drafts.saveCheckoutDraft>) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return drafts.saveCheckoutDraft(...args);
    },
  };
});
// Marking an order failed, slowed: its time must count as the database's in the Server-Timing figures.
const SLOW_FAILED_MARK_MS = 400;
vi.mock('@/lib/orders/repository', async (importOriginal) => {
  const repository = await importOriginal<typeof import('@/lib/orders/repository')>();
  return {
    ...repository,
    transitionOrder: async (...args: Parameters<typeof repository.transitionOrder>) => {
      if (args[2] === 'failed') await new Promise((resolve) => setTimeout(resolve, SLOW_FAILED_MARK_MS));
      return repository.transitionOrder(...args);
    },
  };
});
vi.mock('@/lib/server-timing', () => ({
  addServerTiming: (...metrics: ServerTimingMetric[]) => void state.timings.push(...metrics),
}));
vi.mock('@/lib/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/client')>()),
  db: async () => state.handle.db,
  getDatabase: async () => state.handle,
}));
vi.mock('@/lib/smartpay-api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/smartpay-api/client')>()),
  smartpay: () => state.fake.client(),
}));

beforeAll(async () => {
  state.handle = await openTestDatabase();
});
afterAll(async () => {
  await state.handle?.close();
});
beforeEach(() => {
  state.jar.clear();
  state.timings.length = 0;
  state.fake = new FakeSmartpay({ checkoutOrigin: getConfig().smartpay.checkoutOrigin });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
});

const initial: CheckoutState = { fieldErrors: {}, values: {}, at: 0 };
const form = validCheckoutForm;

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

/** Three hojicha at ¥980: ¥2,940 plus ¥600 shipping. */
function putInCart() {
  state.jar.set(CART_COOKIE, serializeCart([{ productId: 'p_hojicha', quantity: 3 }]));
}

/** Runs the action; a redirect comes back as `{ redirectedTo }`. */
async function submit(values: Record<string, string>): Promise<CheckoutState | { redirectedTo: string }> {
  try {
    return await startCheckout(initial, formData(values));
  } catch (error) {
    if (error instanceof Redirected) return { redirectedTo: error.url };
    throw error;
  }
}

const sessionCreations = () => state.fake.calls.filter((c) => c.method === 'POST' && c.path === '/v1/checkout-sessions');

describe(`startCheckout (${databaseKind})`, () => {
  it('records the order, creates one session for the items plus shipping, and sends the shopper to its page', async () => {
    putInCart();
    const result = await submit(form);

    const [creation] = sessionCreations();
    expect(sessionCreations()).toHaveLength(1);
    const session = [...state.fake.checkoutSessions.values()][0]!;
    expect(result).toEqual({ redirectedTo: session.url });
    const body = creation!.body as { amount: number; reference: string; items: { amount: number; quantity: number }[]; shippingInfo: { feeAmount: number } };
    expect(body.amount).toBe(2940 + 600);
    expect(body.items.reduce((sum, item) => sum + item.amount * item.quantity, 0) + body.shippingInfo.feeAmount).toBe(body.amount);
    expect(creation!.idempotencyKey).toBeTruthy();

    const order = await getOrderByReference(state.handle.db, body.reference);
    expect(order).toMatchObject({ status: 'awaiting_authorization', total: 3540, smartpaySessionId: session.id, owner: browserOwner(state.jar.get(BROWSER_COOKIE)!) });
    // The return page will know this browser placed it; the cart stays until the payment is confirmed.
    const { cookieSecret } = await getSecrets();
    expect(parsePendingCheckouts(state.jar.get(PENDING_CHECKOUTS_COOKIE), cookieSecret).map((e) => e.reference)).toEqual([body.reference]);
    expect(state.jar.has(CART_COOKIE)).toBe(true);

    // What the shopper typed is kept for their return by the time the answer goes out: a Back or a reload
    // right after the redirect finds it.
    const browserId = state.jar.get(BROWSER_COOKIE)!;
    expect(await readCheckoutDraft(state.handle.db, browserId, cookieSecret, new Date(0))).toMatchObject({ email: form.email, familyName: form.familyName });
  });

  it('sends the same attempt again (Back, then Pay) as the same order and the same Idempotency-Key', async () => {
    putInCart();
    const browserId = newBrowserId();
    state.jar.set(BROWSER_COOKIE, browserId);
    const attempt = issueAttempt(browserId, (await getSecrets()).cookieSecret);
    const first = await submit({ ...form, attempt });
    const second = await submit({ ...form, attempt });
    expect(second).toEqual(first);
    const [a, b] = sessionCreations();
    expect(b!.idempotencyKey).toBe(a!.idempotencyKey);
    expect(state.fake.checkoutSessions.size).toBe(1);
    const reference = (a!.body as { reference: string }).reference;
    expect((await listOrders(state.handle.db, { owner: browserOwner(browserId) })).orders.map((o) => o.reference)).toEqual([reference]);
  });

  it('answers invalid fields with their errors and what was typed, records nothing and calls no one', async () => {
    putInCart();
    const result = (await submit({ ...form, email: 'not-an-address', postalCode: '12' })) as CheckoutState;
    expect(result.fieldErrors).toEqual({ email: 'invalidEmail', postalCode: 'invalidPostalCode' });
    expect(result.values).toMatchObject({ email: 'not-an-address', familyName: '山田' });
    expect(state.fake.calls).toEqual([]);
    expect(state.jar.has(BROWSER_COOKIE)).toBe(false);
  });

  it('refuses an empty cart', async () => {
    expect(await submit(form)).toMatchObject({ formError: 'emptyCart' });
    expect(state.fake.calls).toEqual([]);
  });

  it('keeps cart and attempt when Smartpay is down, marks the order failed, and the retry goes through', async () => {
    putInCart();
    state.fake.failWith = 503;
    const failed = (await submit(form)) as CheckoutState;
    expect(failed.formError).toBe('unavailable');
    expect(failed.values).toMatchObject(form);
    expect(state.jar.has(CART_COOKIE)).toBe(true);
    const reference = (sessionCreations()[0]!.body as { reference: string }).reference;
    expect((await getOrderByReference(state.handle.db, reference))?.status).toBe('failed');
    // Marking it failed is the database's time, not the shop's.
    const timing = Object.fromEntries(state.timings.map((metric) => [metric.name, metric.durationMs]));
    expect(Object.keys(timing)).toEqual(['db', 'smartpay', 'shop', 'total']);
    expect(timing.db).toBeGreaterThanOrEqual(SLOW_FAILED_MARK_MS);
    expect(timing.shop).toBeLessThan(timing.db!);
    // A reload of the form shows what was typed.
    const { cookieSecret } = await getSecrets();
    expect(await readCheckoutDraft(state.handle.db, state.jar.get(BROWSER_COOKIE)!, cookieSecret, new Date(0))).toMatchObject({ email: form.email });

    state.fake.failWith = undefined;
    // The page was rendered again with the attempt it returned; the shopper presses Pay again.
    const retried = await submit({ ...form, attempt: failed.attempt! });
    expect(retried).toHaveProperty('redirectedTo');
    expect((await getOrderByReference(state.handle.db, reference))?.status).toBe('awaiting_authorization');
  });

  it('refuses to send the shopper to a payment page on another origin', async () => {
    putInCart();
    state.fake = new FakeSmartpay({ checkoutOrigin: 'https://pay.attacker.example' });
    expect(await submit(form)).toMatchObject({ formError: 'unexpected' });
    const reference = (sessionCreations()[0]!.body as { reference: string }).reference;
    expect((await getOrderByReference(state.handle.db, reference))?.status).toBe('failed');
  });

  it('limits submissions per browser, saying when the next one is accepted', async () => {
    putInCart();
    state.jar.set(BROWSER_COOKIE, newBrowserId());
    const limit = getConfig().limits.checkoutsPerBrowser;
    const results = [];
    for (let i = 0; i <= limit; i++) results.push(await submit(form));
    expect(results.slice(0, limit).every((r) => 'redirectedTo' in r)).toBe(true);
    expect(results[limit]).toMatchObject({ formError: 'tooManyRequests', retryAfterSeconds: expect.any(Number) });
    expect(sessionCreations()).toHaveLength(limit);
  });
});

describe(`clearCartOnReturn (${databaseKind})`, () => {
  /** The return to /success of `reference` by a browser whose cookies hold a cart and `entries`. */
  async function returnTo(reference: string, entries: { reference: string; createdAt: number; cartCleared?: boolean }[]) {
    const { cookieSecret } = await getSecrets();
    const request = new NextRequest(`${getConfig().appUrl}/success?ref=${reference}`);
    request.cookies.set(CART_COOKIE, serializeCart([{ productId: 'p_sencha', quantity: 1 }]));
    request.cookies.set(CART_COUNT_COOKIE, '1');
    let checkouts = '';
    for (const entry of entries) checkouts = withPendingCheckout(parsePendingCheckouts(checkouts, cookieSecret), entry, cookieSecret);
    if (entries.length > 0) request.cookies.set(PENDING_CHECKOUTS_COOKIE, checkouts);
    return { request, apply: await clearCartOnReturn(request, { db: state.handle.db, client: state.fake.client() }) };
  }

  async function orderIn(status: 'succeeded' | 'awaiting_authorization') {
    const order = await recordPendingOrder(state.handle.db, sampleOrder());
    await transitionOrder(state.handle.db, order.id, status, 'checkout');
    return order.reference;
  }

  it('empties the cart, for the page and in the response, when this browser\'s order is paid, and only once', async () => {
    const reference = await orderIn('succeeded');
    const { request, apply } = await returnTo(reference, [{ reference, createdAt: Date.now() }]);
    expect(apply).toBeTypeOf('function');
    expect(request.cookies.has(CART_COOKIE)).toBe(false);
    const response = NextResponse.next();
    apply!(response);
    expect(response.cookies.get(CART_COOKIE)?.value).toBe('');
    expect(response.cookies.get(CART_COUNT_COOKIE)?.value).toBe('');
    const { cookieSecret } = await getSecrets();
    const entries = parsePendingCheckouts(response.cookies.get(PENDING_CHECKOUTS_COOKIE)?.value, cookieSecret);
    expect(entries).toEqual([expect.objectContaining({ reference, cartCleared: true })]);

    // A reload later, with a new cart: it stays.
    const reload = await returnTo(reference, entries);
    expect(reload.apply).toBeUndefined();
    expect(reload.request.cookies.has(CART_COOKIE)).toBe(true);
  });

  it('keeps the cart when the order is not paid, or was not placed in this browser', async () => {
    const unpaid = await orderIn('awaiting_authorization');
    expect((await returnTo(unpaid, [{ reference: unpaid, createdAt: Date.now() }])).apply).toBeUndefined();

    const someoneElses = await orderIn('succeeded');
    const { request, apply } = await returnTo(someoneElses, []);
    expect(apply).toBeUndefined();
    expect(request.cookies.has(CART_COOKIE)).toBe(true);
  });
});

describe(`/success when the payment is recorded between proxy.ts and the page (${databaseKind})`, () => {
  /** The cookies of the jar, as proxy.ts's request for /success?ref=`reference` carries them. */
  function requestFromJar(reference: string): NextRequest {
    const request = new NextRequest(`${getConfig().appUrl}/success?ref=${reference}`);
    for (const [name, value] of state.jar) request.cookies.set(name, value);
    return request;
  }

  /** proxy.ts's pass: what it changes in the request's cookies is what the page reads. */
  async function proxyPass(reference: string): Promise<boolean> {
    const request = requestFromJar(reference);
    const apply = await clearCartOnReturn(request, { db: state.handle.db, client: state.fake.client() });
    state.jar.clear();
    for (const cookie of request.cookies.getAll()) state.jar.set(cookie.name, cookie.value);
    return apply !== undefined;
  }

  async function renderSuccess(reference: string, again?: string): Promise<string> {
    try {
      await SuccessPage({ params: Promise.resolve({ edition: 'ja' }), searchParams: Promise.resolve({ ref: reference, again }) });
      return 'rendered';
    } catch (error) {
      if (error instanceof Redirected) return error.url;
      throw error;
    }
  }

  async function placedAndPaidAfterProxy(): Promise<string> {
    putInCart();
    await submit(form);
    const reference = (sessionCreations()[0]!.body as { reference: string }).reference;
    // proxy.ts finds it awaiting authorization: the cart stays.
    expect(await proxyPass(reference)).toBe(false);
    expect(state.jar.has(CART_COOKIE)).toBe(true);
    // Then the webhook records the payment, before the page reads the order.
    const order = await getOrderByReference(state.handle.db, reference);
    await transitionOrder(state.handle.db, order!.id, 'succeeded', 'webhook');
    return reference;
  }

  it('sends the shopper through proxy.ts once more, which empties the cart; the page then shows the order', async () => {
    const reference = await placedAndPaidAfterProxy();
    expect(await renderSuccess(reference)).toBe(`/success?ref=${reference}&again=1`);
    expect(await proxyPass(reference)).toBe(true);
    expect(state.jar.has(CART_COOKIE)).toBe(false);
    expect(await renderSuccess(reference, '1')).toBe('rendered');

    // A new cart later, and the same page again: it stays, and the page shows the order at once.
    putInCart();
    expect(await proxyPass(reference)).toBe(false);
    expect(await renderSuccess(reference)).toBe('rendered');
    expect(state.jar.has(CART_COOKIE)).toBe(true);
  });

  it('goes round once at most', async () => {
    const reference = await placedAndPaidAfterProxy();
    expect(await renderSuccess(reference, '1')).toBe('rendered');
  });
});

describe(`resumePayment: back to Smartpay's page from /cancel (${databaseKind})`, () => {
  async function resume(reference: string): Promise<string> {
    const data = new FormData();
    data.set('ref', reference);
    try {
      await resumePayment(data);
    } catch (error) {
      if (error instanceof Redirected) return error.url;
      throw error;
    }
    throw new Error('resumePayment returned without redirecting');
  }

  it('sends this browser back to the payment page of its own order awaiting authorization', async () => {
    putInCart();
    const placed = await submit(form);
    const reference = (sessionCreations()[0]!.body as { reference: string }).reference;
    expect(await resume(reference)).toBe((placed as { redirectedTo: string }).redirectedTo);
  });

  it('sends a stranger (no cookies), or a browser holding a copied order list, back to /cancel, asking Smartpay nothing', async () => {
    putInCart();
    await submit(form);
    const reference = (sessionCreations()[0]!.body as { reference: string }).reference;
    const failed = `/cancel?ref=${reference}&resume=failed`;
    const orderList = state.jar.get(PENDING_CHECKOUTS_COOKIE)!;
    const reads = () => state.fake.calls.filter((c) => c.method === 'GET').length;

    state.jar.clear();
    expect(await resume(reference)).toBe(failed);
    state.jar.set(PENDING_CHECKOUTS_COOKIE, orderList);
    state.jar.set(BROWSER_COOKIE, newBrowserId());
    expect(await resume(reference)).toBe(failed);
    expect(reads()).toBe(0);
  });
});

