import type { CheckoutData } from '@/lib/checkout/schema';
import { getPrefecture } from '@/lib/checkout/prefectures';
import { toE164 } from '@/lib/checkout/phone';
import { getCategory } from '@/lib/catalog';
import type { Locale } from '@/lib/i18n/locales';
import type { PricedCart } from '@/lib/pricing';
import type { CreateCheckoutSessionRequest, SmartpayAddress, SmartpayItem } from '@/lib/smartpay-api/types';

/** Smartpay's limits on a checkout session (API.md §3). */
export const SMARTPAY_LIMITS = { items: 50, description: 80, reference: 40, locality: 80 } as const;

export interface CheckoutSessionInput {
  cart: PricedCart;
  customer: CheckoutData;
  reference: string;
  locale: Locale;
  appUrl: string;
  shopName: string;
  captureMethod?: 'automatic' | 'manual';
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * Builds the create-checkout-session body from a cart priced on the server: amount = Σ unit × quantity
 * + shipping fee, every amount an integer of yen.
 */
export function buildCheckoutSession(input: CheckoutSessionInput): CreateCheckoutSessionRequest {
  const { cart, customer, reference, locale, appUrl, shopName, captureMethod = 'automatic' } = input;
  if (cart.lines.length === 0) throw new Error('Cannot check out an empty cart');
  if (cart.lines.length > SMARTPAY_LIMITS.items) throw new Error(`Smartpay accepts at most ${SMARTPAY_LIMITS.items} items`);
  if (reference.length < 1 || reference.length > SMARTPAY_LIMITS.reference) throw new Error('Reference must be 1–40 characters');

  const address: SmartpayAddress = {
    line1: customer.line1,
    ...(customer.line2 ? { line2: customer.line2 } : {}),
    locality: customer.city,
    administrativeArea: getPrefecture(customer.prefecture)?.name.ja,
    postalCode: customer.postalCode,
    country: 'JP',
  };

  const items: SmartpayItem[] = cart.lines.map(({ product, quantity, unitPrice }) => ({
    kind: 'product',
    name: product.name[locale],
    amount: unitPrice,
    currency: 'JPY',
    quantity,
    brand: product.maker[locale],
    categories: [getCategory(product.category)?.name[locale] ?? product.category],
    reference: product.id,
    url: `${appUrl}/products/${product.slug}`,
    images: [`${appUrl}${product.image}`],
  }));

  const amount = items.reduce((sum, item) => sum + item.amount * (item.quantity ?? 1), 0) + cart.shippingFee;
  if (amount !== cart.total) throw new Error(`Amount ${amount} does not match the cart total ${cart.total}`);

  const query = `ref=${encodeURIComponent(reference)}`;
  return {
    amount,
    currency: 'JPY',
    items,
    shippingInfo: { address, feeAmount: cart.shippingFee, feeCurrency: 'JPY' },
    customerInfo: {
      emailAddress: customer.email,
      lastName: customer.familyName,
      firstName: customer.givenName,
      ...(customer.familyNameKana ? { lastNameKana: customer.familyNameKana } : {}),
      ...(customer.givenNameKana ? { firstNameKana: customer.givenNameKana } : {}),
      phoneNumber: toE164(customer.phone),
      address,
    },
    captureMethod,
    reference,
    description: truncate(`${shopName} ${reference}`, SMARTPAY_LIMITS.description),
    locale,
    metadata: { shopReference: reference, itemCount: String(cart.itemCount) },
    successUrl: `${appUrl}/success?${query}`,
    cancelUrl: `${appUrl}/cancel?${query}`,
  };
}
