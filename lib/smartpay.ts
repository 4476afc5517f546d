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
import { priceCart } from '@/lib/pricing';
import { smartpay } from '@/lib/smartpay-api/client';
import { SmartpayError } from '@/lib/smartpay-api/errors';

/**
 * The checkout server action: validates the form again on the server, prices the cart from the catalog,
 * creates a Smartpay checkout session (idempotently) and redirects the shopper to Smartpay. On any
 * failure it returns the errors to the form and leaves the cart untouched.
 */

export type CheckoutFormError = 'emptyCart' | 'expired' | 'invalidRequest' | 'unavailable' | 'timeout' | 'unexpected';

export interface CheckoutState {
  fieldErrors: Partial<Record<CheckoutField, CheckoutErrorKey>>;
  formError?: CheckoutFormError;
  /** What the shopper typed, so nothing is lost when the page renders again without JavaScript. */
  values: Partial<Record<CheckoutField, string>>;
  /** Changes with every answer, so the form can announce a repeated error again. */
  at: number;
}

const formErrorFor = (error: SmartpayError): CheckoutFormError =>
  error.kind === 'invalid-request' ? 'invalidRequest' : error.kind === 'timeout' ? 'timeout' : error.kind === 'bad-response' ? 'unexpected' : 'unavailable';

export async function startCheckout(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const values: CheckoutState['values'] = {};
  for (const field of checkoutFields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  const answer = (partial: Omit<CheckoutState, 'values' | 'at' | 'fieldErrors'> & Partial<CheckoutState>): CheckoutState => ({
    fieldErrors: {},
    values,
    at: Date.now(),
    ...partial,
  });

  const parsed = checkoutSchema.safeParse(values);
  if (!parsed.success) return answer({ fieldErrors: fieldErrorsOf(parsed.error) });

  const attemptId = formData.get('attemptId');
  if (typeof attemptId !== 'string' || !ATTEMPT_ID.test(attemptId)) return answer({ formError: 'expired' });

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
  });

  let checkoutUrl: string;
  try {
    const session = await smartpay().createCheckoutSession(payload, idempotencyKeyFor(attemptId, payload));
    if (new URL(session.url).origin !== config.smartpay.checkoutOrigin) {
      throw new SmartpayError({
        kind: 'bad-response',
        message: `Checkout URL ${session.url} is not on the expected origin ${config.smartpay.checkoutOrigin}`,
      });
    }
    await savePendingCheckout({
      reference,
      sessionId: session.id,
      orderId: typeof session.order === 'string' ? session.order : session.order?.id,
      amount: payload.amount,
      createdAt: Date.now(),
    });
    checkoutUrl = session.url;
  } catch (error) {
    if (error instanceof SmartpayError) {
      console.error(`[checkout ${reference}] ${error.toLogString()}`);
      return answer({ formError: formErrorFor(error) });
    }
    console.error(`[checkout ${reference}] unexpected error`, error);
    return answer({ formError: 'unexpected' });
  }
  redirect(checkoutUrl);
}
