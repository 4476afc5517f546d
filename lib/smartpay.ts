'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { readCart } from '@/lib/cart/cart-cookie';
import { buildCheckoutSession } from '@/lib/checkout/build-checkout-session';
import { followingAttempt, idempotencyKeyFor, issueAttempt, orderReferenceFor, verifyAttempt } from '@/lib/checkout/attempt';
import { ensureBrowserId } from '@/lib/checkout/browser-cookie';
import { browserOwner } from '@/lib/checkout/browser-id';
import { saveCheckoutDraft } from '@/lib/checkout/drafts';
import { savePendingCheckout } from '@/lib/checkout/pending-checkouts';
import { getPrefecture } from '@/lib/checkout/prefectures';
import { toE164 } from '@/lib/checkout/phone';
import { checkoutValuesOf } from '@/lib/checkout/form-errors';
import { checkoutSchema, fieldErrorsOf, type CheckoutData, type CheckoutErrorKey, type CheckoutField } from '@/lib/checkout/schema';
import { getConfig, isCheckoutUrl } from '@/lib/config';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { getLocale } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/client';
import { shopDeps, type ShopDeps } from '@/lib/deps';
import { orderContentDigest, OrderConflictError, recordPendingOrder, transitionOrder, type OrderContent, type Order } from '@/lib/orders/repository';
import { isPaid } from '@/lib/orders/status';
import { priceCart, type PricedCart } from '@/lib/pricing';
import { shopClientIp } from '@/lib/http/shop-client-ip';
import { addServerTiming } from '@/lib/server-timing';
import { shopLimits } from '@/lib/rate-limits';
import { getSecrets } from '@/lib/secrets';
import { SmartpayError } from '@/lib/smartpay-api/errors';

/**
 * The checkout server action: validates the form again on the server, prices the cart from the catalog,
 * records a pending order, creates a Smartpay checkout session (idempotently), keeps the session with the
 * order and redirects the shopper to Smartpay. On any failure it returns the errors to the form and
 * leaves the cart untouched.
 */

export type CheckoutFormError = 'emptyCart' | 'expired' | 'invalidRequest' | 'unavailable' | 'timeout' | 'unexpected' | 'tooManyRequests';

export interface CheckoutState {
  fieldErrors: Partial<Record<CheckoutField, CheckoutErrorKey>>;
  formError?: CheckoutFormError;
  /** What the shopper typed, so nothing is lost when the page renders again without JavaScript. */
  values: Partial<Record<CheckoutField, string>>;
  /** Changes with every answer, so the form can announce a repeated error again. */
  at: number;
  /** The attempt token to resubmit, so a page rendered again without JavaScript keeps the same attempt. */
  attempt?: string;
  /** With `tooManyRequests`: how long until the next submission is accepted. */
  retryAfterSeconds?: number;
}

const formErrorFor = (error: SmartpayError): CheckoutFormError =>
  error.kind === 'invalid-request' ? 'invalidRequest' : error.kind === 'timeout' ? 'timeout' : error.kind === 'bad-response' ? 'unexpected' : 'unavailable';

/** What the order is for, as the shop records it: the same values the Smartpay body is built from. */
function orderContentOf(locale: Locale, cart: PricedCart, customer: CheckoutData): OrderContent {
  return {
    locale,
    subtotal: cart.subtotal,
    shippingFee: cart.shippingFee,
    total: cart.total,
    customer: {
      email: customer.email,
      familyName: customer.familyName,
      givenName: customer.givenName,
      ...(customer.familyNameKana ? { familyNameKana: customer.familyNameKana } : {}),
      ...(customer.givenNameKana ? { givenNameKana: customer.givenNameKana } : {}),
      phone: toE164(customer.phone),
    },
    shippingAddress: {
      postalCode: customer.postalCode,
      prefecture: getPrefecture(customer.prefecture)?.name.ja ?? '',
      city: customer.city,
      line1: customer.line1,
      ...(customer.line2 ? { line2: customer.line2 } : {}),
    },
    lines: cart.lines.map((line) => ({
      productId: line.product.id,
      name: line.product.name[locale],
      unitPrice: line.unitPrice,
      quantity: line.quantity,
    })),
  };
}

/**
 * Records the order of this attempt, or finds it when the same browser sends the same content again.
 * Orders never change: when the attempt's reference already holds other content (the form was changed)
 * the order goes to a following attempt derived from this one and the content.
 */
async function recordAttemptOrder(
  database: Database,
  input: { attemptId: string; browserId: string; secret: string; content: OrderContent },
): Promise<{ order: Order; attemptId: string }> {
  const { browserId, secret, content } = input;
  const owner = browserOwner(browserId);
  const digest = orderContentDigest(content);
  let attemptId = input.attemptId;
  for (let round = 1; ; round++) {
    try {
      const order = await recordPendingOrder(database, { reference: orderReferenceFor(attemptId), owner, ...content });
      return { order, attemptId };
    } catch (error) {
      if (!(error instanceof OrderConflictError) || round > 3) throw error;
      attemptId = followingAttempt(input.attemptId, browserId, digest, secret, round);
    }
  }
}

/**
 * Where a checkout's time goes: waiting on the database (the limits, the order and its status, the form's
 * draft), on Smartpay, and the whole action.
 */
class CheckoutTiming {
  private readonly started = performance.now();
  databaseMs = 0;
  smartpayMs = 0;

  async database<T>(work: Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work;
    } finally {
      this.databaseMs += performance.now() - start;
    }
  }

  async smartpay<T>(work: Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work;
    } finally {
      this.smartpayMs += performance.now() - start;
    }
  }

  /**
   * Logs `total 14.2 ms (database 3.1 ms, Smartpay 9.0 ms, shop 2.1 ms)`, the shop's own time being the rest,
   * and sends the same as the answer's `Server-Timing` (lib/server-timing.ts).
   */
  report(prefix: string): void {
    const total = performance.now() - this.started;
    const shop = total - this.databaseMs - this.smartpayMs;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.info(`${prefix}: total ${ms(total)} (database ${ms(this.databaseMs)}, Smartpay ${ms(this.smartpayMs)}, shop ${ms(shop)})`);
    addServerTiming(
      { name: 'db', durationMs: this.databaseMs, description: 'database' },
      { name: 'smartpay', durationMs: this.smartpayMs, description: 'Smartpay' },
      { name: 'shop', durationMs: shop, description: 'the shop itself' },
      { name: 'total', durationMs: total },
    );
  }
}

export async function startCheckout(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const timing = new CheckoutTiming();
  const values: CheckoutState['values'] = checkoutValuesOf(formData);
  const submittedAttempt = formData.get('attempt');
  const answer = (partial: Omit<CheckoutState, 'values' | 'at' | 'fieldErrors'> & Partial<CheckoutState>): CheckoutState => ({
    fieldErrors: {},
    values,
    at: Date.now(),
    ...(partial.formError === 'expired' || typeof submittedAttempt !== 'string' ? {} : { attempt: submittedAttempt }),
    ...partial,
  });

  const parsed = checkoutSchema.safeParse(values);
  if (!parsed.success) return answer({ fieldErrors: fieldErrorsOf(parsed.error) });

  const cart = priceCart(await readCart());
  if (cart.lines.length === 0) return answer({ formError: 'emptyCart' });

  const config = getConfig();
  const locale = await getLocale();
  let deps: ShopDeps;
  let database: Database;
  let order: Order;
  let attempt: string;
  let draftSaved: Promise<void> = Promise.resolve();
  const draftKept = () => timing.database(draftSaved);
  try {
    const [browserId, { cookieSecret }, limits] = await Promise.all([ensureBrowserId(), getSecrets(), shopLimits()]);
    // Each submission that gets this far may cost an order and a Smartpay session: limited per browser and address.
    const verdict = await timing.database(limits.checkout(browserOwner(browserId), await shopClientIp()));
    if (!verdict.allowed) {
      console.warn(`[checkout] too many submissions; next in ${verdict.retryAfterSeconds} s`);
      return answer({ formError: 'tooManyRequests', retryAfterSeconds: verdict.retryAfterSeconds });
    }
    // An attempt that is not this browser's (another browser's, forged, or none) is not used: a new one starts.
    const ownAttempt = verifyAttempt(submittedAttempt, browserId, cookieSecret);
    deps = await shopDeps();
    database = deps.db;
    const recorded = await timing.database(
      recordAttemptOrder(database, {
        attemptId: ownAttempt ?? randomUUID(),
        browserId,
        secret: cookieSecret,
        content: orderContentOf(locale, cart, parsed.data),
      }),
    );
    order = recorded.order;
    attempt = issueAttempt(browserId, cookieSecret, recorded.attemptId);
    // What the shopper typed, for the form when they come Back from Smartpay or reload (lib/checkout/drafts.ts).
    // Written while Smartpay is asked, and waited for before the answer goes out, so that a Back or reload
    // right after always finds it. If it fails, the form shows this browser's previous draft (if any) on
    // return, and the order and the payment go on.
    draftSaved = saveCheckoutDraft(database, browserId, cookieSecret, values).catch((error: unknown) =>
      console.error('[checkout] what the shopper typed could not be kept', error),
    );
  } catch (error) {
    console.error('[checkout] the order could not be recorded', error);
    return answer({ formError: 'unexpected' });
  }
  const { reference } = order;
  // The same order was already paid (a resubmitted form): show its result instead of paying again.
  if (isPaid(order.status)) {
    await draftKept();
    redirect(`/success?ref=${encodeURIComponent(reference)}`);
  }
  // It ended without payment (declined or canceled), or a newer order of this browser superseded it
  // (lib/orders/abandon.ts): the form must start a new attempt.
  if (order.status === 'rejected' || order.status === 'canceled' || order.status === 'abandoned') {
    await draftKept();
    return answer({ formError: 'expired' });
  }

  const payload = buildCheckoutSession({
    cart,
    customer: parsed.data,
    reference,
    locale,
    appUrl: config.appUrl,
    shopName: getDictionary(locale).shop.name,
    captureMethod: config.smartpay.captureMethod,
  });
  let checkoutUrl: string;
  try {
    const session = await timing.smartpay(deps.client.createCheckoutSession(payload, idempotencyKeyFor(reference, payload)));
    if (!isCheckoutUrl(config, session.url)) {
      throw new SmartpayError({
        kind: 'bad-response',
        message: `Checkout URL ${session.url} is not on the expected origin ${config.smartpay.checkoutOrigin}`,
      });
    }
    await timing.database(
      transitionOrder(database, order, 'awaiting_authorization', 'checkout', `checkout session ${session.id}`, {
        smartpaySessionId: session.id,
        smartpayOrderId: typeof session.order === 'string' ? session.order : session.order?.id,
      }),
    );
    await savePendingCheckout({ reference, createdAt: Date.now() });
    checkoutUrl = session.url;
  } catch (error) {
    const detail = error instanceof SmartpayError ? error.toLogString() : String(error);
    console.error(`[checkout ${reference}] ${detail}`);
    await timing.database(
      transitionOrder(database, order, 'failed', 'checkout', detail).catch((e: unknown) =>
        console.error(`[checkout ${reference}] could not mark the order failed`, e),
      ),
    );
    await draftKept();
    timing.report(`[checkout ${reference}] failed at Smartpay`);
    return answer({ attempt, formError: error instanceof SmartpayError ? formErrorFor(error) : 'unexpected' });
  }
  await draftKept();
  timing.report(`[checkout ${reference}] to Smartpay`);
  redirect(checkoutUrl);
}
