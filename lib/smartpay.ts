'use server';

import { redirect } from 'next/navigation';
import { readCart } from '@/lib/cart/cart-cookie';
import { buildCheckoutSession } from '@/lib/checkout/build-checkout-session';
import { ATTEMPT_ID, idempotencyKeyFor, orderReferenceFor } from '@/lib/checkout/order-reference';
import { savePendingCheckout } from '@/lib/checkout/pending-checkouts';
import { checkoutFields, checkoutSchema, fieldErrorsOf, type CheckoutErrorKey, type CheckoutField } from '@/lib/checkout/schema';
import { getConfig } from '@/lib/config';
import { getDictionary } from '@/lib/i18n/dictionaries';
import { getLocale } from '@/lib/i18n/server';
import { db, type Database } from '@/lib/db/client';
import { recordPendingOrder, transitionOrder, type NewOrder, type Order } from '@/lib/orders/repository';
import { isPaid } from '@/lib/orders/status';
import { priceCart, type PricedCart } from '@/lib/pricing';
import type { CreateCheckoutSessionRequest } from '@/lib/smartpay-api/types';
import { smartpay } from '@/lib/smartpay-api/client';
import { SmartpayError } from '@/lib/smartpay-api/errors';

/**
 * The checkout server action: validates the form again on the server, prices the cart from the catalog,
 * records a pending order, creates a Smartpay checkout session (idempotently), keeps the session with the
 * order and redirects the shopper to Smartpay. On any failure it returns the errors to the form and
 * leaves the cart untouched.
 */

export type CheckoutFormError = 'emptyCart' | 'expired' | 'invalidRequest' | 'unavailable' | 'timeout' | 'unexpected';

export interface CheckoutState {
  fieldErrors: Partial<Record<CheckoutField, CheckoutErrorKey>>;
  formError?: CheckoutFormError;
  /** What the shopper typed, so nothing is lost when the page renders again without JavaScript. */
  values: Partial<Record<CheckoutField, string>>;
  /** Changes with every answer, so the form can announce a repeated error again. */
  at: number;
  /** The attempt to resubmit, so a page rendered again without JavaScript keeps the same attempt. */
  attemptId?: string;
}

const formErrorFor = (error: SmartpayError): CheckoutFormError =>
  error.kind === 'invalid-request' ? 'invalidRequest' : error.kind === 'timeout' ? 'timeout' : error.kind === 'bad-response' ? 'unexpected' : 'unavailable';

function newOrderFrom(reference: string, locale: string, cart: PricedCart, payload: CreateCheckoutSessionRequest): NewOrder {
  const customer = payload.customerInfo;
  const address = payload.shippingInfo.address;
  return {
    reference,
    locale,
    subtotal: cart.subtotal,
    shippingFee: cart.shippingFee,
    total: cart.total,
    customer: {
      email: customer.emailAddress ?? '',
      familyName: customer.lastName ?? '',
      givenName: customer.firstName ?? '',
      familyNameKana: customer.lastNameKana,
      givenNameKana: customer.firstNameKana,
      phone: customer.phoneNumber ?? '',
    },
    shippingAddress: {
      postalCode: address.postalCode,
      prefecture: address.administrativeArea ?? '',
      city: address.locality,
      line1: address.line1,
      line2: address.line2,
    },
    lines: cart.lines.map((line) => ({
      productId: line.product.id,
      name: line.product.name[locale === 'en' ? 'en' : 'ja'],
      unitPrice: line.unitPrice,
      quantity: line.quantity,
    })),
  };
}

export async function startCheckout(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const values: CheckoutState['values'] = {};
  for (const field of checkoutFields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  const submittedAttempt = formData.get('attemptId');
  const attemptId = typeof submittedAttempt === 'string' && ATTEMPT_ID.test(submittedAttempt) ? submittedAttempt : undefined;
  const answer = (partial: Omit<CheckoutState, 'values' | 'at' | 'fieldErrors'> & Partial<CheckoutState>): CheckoutState => ({
    fieldErrors: {},
    values,
    at: Date.now(),
    ...(partial.formError === 'expired' ? {} : { attemptId }),
    ...partial,
  });

  const parsed = checkoutSchema.safeParse(values);
  if (!parsed.success) return answer({ fieldErrors: fieldErrorsOf(parsed.error) });
  if (!attemptId) return answer({ formError: 'expired' });

  const cart = priceCart(await readCart());
  if (cart.lines.length === 0) return answer({ formError: 'emptyCart' });

  const config = getConfig();
  const locale = await getLocale();
  const reference = orderReferenceFor(attemptId);
  const payload = buildCheckoutSession({
    cart,
    customer: parsed.data,
    reference,
    locale,
    appUrl: config.appUrl,
    shopName: getDictionary(locale).shop.name,
    captureMethod: config.smartpay.captureMethod,
  });

  let database: Database;
  let order: Order;
  try {
    database = await db();
    order = await recordPendingOrder(database, newOrderFrom(reference, locale, cart, payload));
  } catch (error) {
    console.error(`[checkout ${reference}] the order could not be recorded`, error);
    return answer({ formError: 'unexpected' });
  }
  // The same attempt was already paid (a resubmitted form): show its result instead of paying again.
  if (isPaid(order.status)) redirect(`/success?ref=${encodeURIComponent(reference)}`);
  // It ended without payment (declined or canceled): the form must start a new attempt.
  if (order.status === 'rejected' || order.status === 'canceled') return answer({ formError: 'expired' });

  let checkoutUrl: string;
  try {
    const session = await smartpay().createCheckoutSession(payload, idempotencyKeyFor(attemptId, payload));
    if (new URL(session.url).origin !== config.smartpay.checkoutOrigin) {
      throw new SmartpayError({
        kind: 'bad-response',
        message: `Checkout URL ${session.url} is not on the expected origin ${config.smartpay.checkoutOrigin}`,
      });
    }
    await transitionOrder(database, order.id, 'awaiting_authorization', 'checkout', `checkout session ${session.id}`, {
      smartpaySessionId: session.id,
      smartpayOrderId: typeof session.order === 'string' ? session.order : session.order?.id,
    });
    await savePendingCheckout({ reference, createdAt: Date.now() });
    checkoutUrl = session.url;
  } catch (error) {
    const detail = error instanceof SmartpayError ? error.toLogString() : String(error);
    console.error(`[checkout ${reference}] ${detail}`);
    await transitionOrder(database, order.id, 'failed', 'checkout', detail).catch((e: unknown) =>
      console.error(`[checkout ${reference}] could not mark the order failed`, e),
    );
    return answer({ formError: error instanceof SmartpayError ? formErrorFor(error) : 'unexpected' });
  }
  redirect(checkoutUrl);
}
