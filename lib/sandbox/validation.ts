import { z } from 'zod';
import { invalid, type ErrorDetail } from './errors';

/** Request-body schemas, written from Smartpay's documented constraints. */

const nonNegativeInt = z.int({ error: 'must be an integer' }).min(0, { error: 'must be 0 or more' });
const positiveInt = z.int({ error: 'must be an integer' }).min(1, { error: 'must be 1 or more' });
const jpy = z.literal('JPY', { error: 'must be JPY' });
const optionalText = z.string().optional();
const metadata = z
  .record(z.string(), z.unknown(), { error: 'must be an object' })
  .refine((value) => Object.keys(value).length <= 20, { error: 'must have at most 20 keys' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const EVENT_TYPES = [
  'order.authorized',
  'order.rejected',
  'order.canceled',
  'payment.created',
  'refund.created',
  'token.created',
  'token.approved',
  'token.rejected',
  'token.deleted',
  'token.disabled',
  'token.enabled',
  'token.used',
  'payout.generated',
  'payout.paid',
  'coupon.created',
  'coupon.updated',
  'promotion_code.created',
  'promotion_code.updated',
  'merchant_user.created',
  'merchant_user.password_reset',
] as const;

const address = z.object({
  line1: z.string().min(1, { error: 'is required' }),
  line2: optionalText,
  line3: optionalText,
  line4: optionalText,
  line5: optionalText,
  subLocality: optionalText,
  locality: z.string().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
  administrativeArea: optionalText,
  postalCode: z.string().min(1, { error: 'is required' }),
  country: z.literal('JP', { error: 'must be JP' }),
});

const item = z
  .object({
    kind: z.enum(['product', 'tax', 'discount'], { error: 'must be product, tax or discount' }).optional(),
    name: optionalText,
    amount: nonNegativeInt,
    currency: jpy.optional(),
    quantity: nonNegativeInt.optional(),
    description: optionalText,
    label: optionalText,
    brand: optionalText,
    categories: z.array(z.string()).optional(),
    gtin: optionalText,
    images: z.array(z.string()).max(8, { error: 'must have at most 8 images' }).optional(),
    reference: optionalText,
    url: optionalText,
    metadata: metadata.optional(),
    productDescription: optionalText,
    productMetadata: metadata.optional(),
    priceDescription: optionalText,
    priceMetadata: metadata.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.kind ?? 'product') === 'product' && !value.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required for product items' });
    }
  });

export type CheckoutItemInput = z.infer<typeof item>;

const shippingInfo = z.object({
  address,
  addressType: z.enum(['gift', 'home', 'locker', 'office', 'store']).optional(),
  carrierName: optionalText,
  reference: optionalText,
  feeAmount: nonNegativeInt.optional(),
  feeCurrency: jpy.optional(),
});

/** customerInfo is echoed back as sent; only the types of known fields are checked. */
const customerInfo = z.looseObject({
  accountAge: nonNegativeInt.optional(),
  emailAddress: optionalText,
  legalGender: z.enum(['male', 'female']).optional(),
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be YYYY-MM-DD' }).optional(),
});

/** Σ product amount×quantity − Σ discounts + Σ taxes + shipping fee (quantity defaults to 1). */
export function expectedAmount(items: CheckoutItemInput[], feeAmount = 0): number {
  return (
    items.reduce((sum, line) => sum + (line.kind === 'discount' ? -1 : 1) * line.amount * (line.quantity ?? 1), 0) +
    feeAmount
  );
}

function lenientAmount(): boolean {
  return process.env.SANDBOX_LENIENT_AMOUNT === '1';
}

const reference = z.string().min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' });
const description = z.string().min(1, { error: 'must not be empty' }).max(80, { error: 'must be at most 80 characters' });

/** The order part shared by `POST /checkout-sessions` (normal mode) and `POST /orders`. */
const orderFields = {
  amount: nonNegativeInt,
  currency: jpy,
  captureMethod: z.enum(['automatic', 'manual'], { error: 'must be automatic or manual' }).optional(),
  customerInfo,
  description: description.optional(),
  items: z
    .array(item)
    .min(1, { error: 'must have at least one item' })
    .max(50, { error: 'must have at most 50 items' }),
  metadata: metadata.optional(),
  reference: reference.optional(),
  shippingInfo,
};

interface OrderPart {
  amount: number;
  items: CheckoutItemInput[];
  shippingInfo: { feeAmount?: number };
}

/** At least one product item, and `amount` = items + shipping fee (unless lenient). */
function checkOrderPart(value: OrderPart, ctx: z.RefinementCtx): void {
  if (!value.items.some((line) => (line.kind ?? 'product') === 'product')) {
    ctx.addIssue({ code: 'custom', path: ['items'], message: 'must contain at least one product item' });
    return;
  }
  const expected = expectedAmount(value.items, value.shippingInfo.feeAmount);
  if (!lenientAmount() && value.amount !== expected) {
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `must equal the items and shipping fee (${expected}); set SANDBOX_LENIENT_AMOUNT=1 to skip this sandbox check`,
    });
  }
}

const redirectUrls = { successUrl: httpUrl, cancelUrl: httpUrl };
const locale = z.enum(['en', 'ja'], { error: 'must be en or ja' }).optional();

export const createCheckoutSessionSchema = z
  .object({
    mode: z.literal('normal', { error: 'must be normal or token' }).optional(),
    ...orderFields,
    locale,
    ...redirectUrls,
  })
  .superRefine(checkOrderPart);

/** Fields of a normal session that a token-mode session must not carry. */
export const ORDER_ONLY_FIELDS = ['amount', 'currency', 'captureMethod', 'items', 'shippingInfo'] as const;

/** Loose so the order-only fields can be named in the error; other unknown fields are dropped later. */
export const createTokenSessionSchema = z
  .looseObject({
    mode: z.literal('token'),
    customerInfo: customerInfo.optional(),
    description: description.optional(),
    locale,
    metadata: metadata.optional(),
    reference: reference.optional(),
    ...redirectUrls,
  })
  .superRefine((value, ctx) => {
    for (const field of ORDER_ONLY_FIELDS) {
      if (field in value) ctx.addIssue({ code: 'custom', path: [field], message: 'is not allowed in token mode' });
    }
  });

export type CreateTokenSessionInput = z.infer<typeof createTokenSessionSchema>;

export const createOrderSchema = z
  .object({
    token: z.string({ error: 'is required' }).min(1, { error: 'is required' }),
    ...orderFields,
    customerInfo: customerInfo.optional(),
  })
  .superRefine(checkOrderPart);

export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export type CreateCheckoutSessionInput = z.infer<typeof createCheckoutSessionSchema>;

export const createPaymentSchema = z.object({
  order: z.string({ error: 'is required' }).min(1, { error: 'is required' }),
  amount: positiveInt,
  currency: jpy,
  cancelRemainder: z.enum(['automatic', 'manual'], { error: 'must be automatic or manual' }).optional(),
  lineItems: z.array(z.string()).optional(),
  reference: optionalText,
  description: optionalText,
  metadata: metadata.optional(),
});

export const updateObjectSchema = z.object({
  reference: optionalText,
  description: optionalText,
  metadata: metadata.optional(),
});

export const createRefundSchema = z.object({
  payment: z.string({ error: 'is required' }).min(1, { error: 'is required' }),
  amount: positiveInt,
  currency: jpy,
  reason: z.enum(['requested_by_customer', 'fraudulent'], { error: 'must be requested_by_customer or fraudulent' }),
  lineItems: z.array(z.string()).optional(),
  reference: optionalText,
  description: optionalText,
  metadata: metadata.optional(),
});

const eventSubscriptions = z.array(z.enum(EVENT_TYPES, { error: 'must be a known event type' }));

export const createWebhookEndpointSchema = z.object({
  url: httpUrl,
  eventSubscriptions: eventSubscriptions.optional(),
  description: optionalText,
  metadata: metadata.optional(),
});

export const updateWebhookEndpointSchema = z.object({
  url: httpUrl.optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
  eventSubscriptions: eventSubscriptions.optional(),
  description: optionalText,
  metadata: metadata.optional(),
});

export function issuesToDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    // zod's wording for a missing field names types; the API's other messages are short phrases.
    message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
  }));
}

/** Parses a body with a schema or throws a 400 `request.invalid` naming every offending field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw invalid(issuesToDetails(result.error));
  return result.data;
}
