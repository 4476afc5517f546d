import { z } from 'zod';
import { invalid, type ErrorDetail } from './errors';

/**
 * Request-body schemas, written from Smartpay's documented constraints: the OpenAPI types of sdk-go
 * (types.go, generated from Smartpay's OpenAPI spec), the create-checkout-session reference and the
 * metadata reference. Rules Smartpay does not confirm are not enforced here: they become warnings
 * (`orderWarnings`), see README.md, "Choices where Smartpay's behaviour is not confirmed".
 */

const nonNegativeInt = z.int({ error: 'must be an integer' }).min(0, { error: 'must be 0 or more' });
const positiveInt = z.int({ error: 'must be an integer' }).min(1, { error: 'must be 1 or more' });
const jpy = z.literal('JPY', { error: 'must be JPY' });
/**
 * Free text Smartpay gives no length for is held to this many characters, ids to ID_LIMIT, and what
 * `customerInfo` carries besides its known fields to EXTRA_LIMIT (see README.md, "Choices where Smartpay's
 * behaviour is not confirmed"): the sandbox keeps what it is sent, and the public demo's sandbox is open
 * to anyone who makes up a key.
 */
export const TEXT_LIMIT = 1000;
export const ID_LIMIT = 100;
export const EXTRA_LIMIT = { keys: 20, characters: 4000 } as const;
// `abort`: a text over the limit is not also run through the checks after it (the e-mail pattern).
const text = z.string().max(TEXT_LIMIT, { error: `must be at most ${TEXT_LIMIT} characters`, abort: true });
const optionalText = text.optional();
const id = z.string().max(ID_LIMIT, { error: `must be at most ${ID_LIMIT} characters`, abort: true });

/** The line items an order or a payment names: at most 50 ids. */
const lineItemIds = z.array(id).max(50, { error: 'must have at most 50 line items' }).optional();

/** What a loose object carries besides the fields of `shape`, held to EXTRA_LIMIT. */
function limitExtras(shape: Record<string, unknown>) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const extras = Object.keys(value).filter((key) => !(key in shape));
    if (extras.length > EXTRA_LIMIT.keys) {
      ctx.addIssue({ code: 'custom', path: [], message: `must have at most ${EXTRA_LIMIT.keys} fields besides the documented ones` });
    } else if (JSON.stringify(extras.map((key) => [key, value[key]])).length > EXTRA_LIMIT.characters) {
      ctx.addIssue({ code: 'custom', path: [], message: `fields besides the documented ones must take at most ${EXTRA_LIMIT.characters} characters as JSON` });
    }
  };
}
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Smartpay's metadata limits (https://en.docs.smartpay.co/reference/metadata). */
export const METADATA_LIMITS = { keys: 20, keyLength: 40, valueLength: 200 } as const;

/**
 * "Up to 20 items with key names of up to 40 characters and values of up to 200 characters"
 * (https://en.docs.smartpay.co/reference/metadata); values are strings (sdk-node src/types.ts `MetaData`).
 * The same rule wherever metadata is taken: sessions, orders, items (and their product and price),
 * payments, refunds, webhook endpoints, tokens and updates.
 */
export const metadata = z
  .record(
    z.string().max(METADATA_LIMITS.keyLength, { error: `key must be at most ${METADATA_LIMITS.keyLength} characters` }),
    z.string({ error: 'must be a string' }).max(METADATA_LIMITS.valueLength, {
      error: `must be at most ${METADATA_LIMITS.valueLength} characters`,
    }),
    { error: 'must be an object' },
  )
  .refine((value) => Object.keys(value).length <= METADATA_LIMITS.keys, { error: `must have at most ${METADATA_LIMITS.keys} keys` });

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

/** sdk-go `Address`: `line1`, `locality`, `postalCode` and `country` are required; locality at most 80 characters. */
const addressFields = {
  line1: text,
  line2: optionalText,
  line3: optionalText,
  line4: optionalText,
  line5: optionalText,
  subLocality: optionalText,
  locality: z.string().max(80, { error: 'must be at most 80 characters' }),
  administrativeArea: optionalText,
  postalCode: text,
  country: z.literal('JP', { error: 'must be JP' }),
};

/** The shipping address; empty `line1`, `locality` and `postalCode` are refused (see README.md). */
const shippingAddress = z.object({
  ...addressFields,
  line1: addressFields.line1.min(1, { error: 'must not be empty' }),
  locality: addressFields.locality.min(1, { error: 'must not be empty' }),
  postalCode: addressFields.postalCode.min(1, { error: 'must not be empty' }),
});

/** `customerInfo.address`, echoed as sent; empty strings are accepted (Smartpay's EC-CUBE plugin sends them). */
const customerAddress = z.looseObject(addressFields).superRefine(limitExtras(addressFields));

const item = z.object({
  kind: z.enum(['product', 'tax', 'discount'], { error: 'must be product, tax or discount' }).optional(),
  /** Required for every kind (sdk-go `Item.Name`). */
  name: text,
  amount: nonNegativeInt,
  /** Required (sdk-go `Item.Currency`); the SDKs fill it in from the session's currency. */
  currency: jpy,
  quantity: nonNegativeInt.optional(),
  description: optionalText,
  label: optionalText,
  brand: optionalText,
  categories: z.array(text).max(20, { error: 'must have at most 20 categories' }).optional(),
  gtin: optionalText,
  images: z.array(text).max(8, { error: 'must have at most 8 images' }).optional(),
  reference: optionalText,
  url: optionalText,
  metadata: metadata.optional(),
  productDescription: optionalText,
  productMetadata: metadata.optional(),
  priceDescription: optionalText,
  priceMetadata: metadata.optional(),
});

export type CheckoutItemInput = z.infer<typeof item>;

const shippingInfo = z.object({
  address: shippingAddress,
  addressType: z.enum(['gift', 'home', 'locker', 'office', 'store']).optional(),
  carrierName: optionalText,
  reference: optionalText,
  feeAmount: nonNegativeInt.optional(),
  feeCurrency: jpy.optional(),
});

/**
 * An e-mail address as OpenAPI's `format: email` is commonly checked (the pattern of ajv-formats):
 * sdk-go types `emailAddress` as `openapi_types.Email`. Smartpay's exact check is not published.
 */
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A real calendar date `YYYY-MM-DD` (sdk-go types `dateOfBirth` as `openapi_types.Date`, an RFC 3339 full-date). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1]!;
}

/** customerInfo is echoed back as sent (unknown keys kept); the fields of sdk-go `CustomerInfo` are checked. */
const customerInfoFields = {
  accountAge: nonNegativeInt.optional(),
  address: customerAddress.optional(),
  dateOfBirth: text.refine(isCalendarDate, { error: 'must be a date (YYYY-MM-DD)' }).optional(),
  emailAddress: text.regex(EMAIL, { error: 'must be an e-mail address' }).optional(),
  firstName: optionalText,
  firstNameKana: optionalText,
  lastName: optionalText,
  lastNameKana: optionalText,
  legalGender: z.enum(['male', 'female'], { error: 'must be male or female' }).optional(),
  phoneNumber: optionalText,
  reference: optionalText,
};
const customerInfo = z.looseObject(customerInfoFields).superRefine(limitExtras(customerInfoFields));

/**
 * Σ amount × quantity over the items (discounts subtracted) + shipping fee, quantity defaulting to 1:
 * how sdk-node (src/utils.ts) computes `amount` when it is left out.
 */
export function expectedAmount(items: CheckoutItemInput[], feeAmount = 0): number {
  return (
    items.reduce((sum, line) => sum + (line.kind === 'discount' ? -1 : 1) * line.amount * (line.quantity ?? 1), 0) +
    feeAmount
  );
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

/** "At least one product and at most 50 items" (create-checkout-session reference). */
function checkOrderPart(value: OrderPart, ctx: z.RefinementCtx): void {
  if (!value.items.some((line) => (line.kind ?? 'product') === 'product')) {
    ctx.addIssue({ code: 'custom', path: ['items'], message: 'must contain at least one product item' });
  }
}

/**
 * What the sandbox accepts in an order although Smartpay might not: an `amount` other than the items and
 * shipping fee (Smartpay does not document that it checks it; its Magento plugin sends the grand total
 * without its discount lines), an empty item name.
 */
export function orderWarnings(value: OrderPart): string[] {
  const warnings: string[] = [];
  const expected = expectedAmount(value.items, value.shippingInfo.feeAmount);
  if (value.amount !== expected) {
    warnings.push(
      `amount ${value.amount} differs from the items and shipping fee (${expected}: amount x quantity of every item, ` +
        'discounts subtracted, plus shippingInfo.feeAmount); whether Smartpay refuses such an amount is not documented',
    );
  }
  value.items.forEach((line, index) => {
    if (line.name === '') {
      warnings.push(`items.${index}.name is empty; whether Smartpay accepts an empty name is not documented`);
    }
  });
  return warnings;
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
    token: id.min(1, { error: 'must not be empty' }),
    ...orderFields,
    customerInfo: customerInfo.optional(),
  })
  .superRefine(checkOrderPart);

export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export type CreateCheckoutSessionInput = z.infer<typeof createCheckoutSessionSchema>;

export const createPaymentSchema = z.object({
  order: id.min(1, { error: 'must not be empty' }),
  amount: positiveInt,
  currency: jpy,
  cancelRemainder: z.enum(['automatic', 'manual'], { error: 'must be automatic or manual' }).optional(),
  lineItems: lineItemIds,
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
  payment: id.min(1, { error: 'must not be empty' }),
  /** Optional: "If this is not set, the default will be the full unrefunded amount of the payment" (sdk-go `RefundCreate`). */
  amount: positiveInt.optional(),
  currency: jpy,
  reason: z.enum(['requested_by_customer', 'fraudulent'], { error: 'must be requested_by_customer or fraudulent' }),
  lineItems: lineItemIds,
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

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  boolean: 'true or false',
  number: 'a number',
  int: 'an integer',
};

/** zod's own wording names its types; the API's messages are short phrases ("must be a string"). */
const isZodWording = (message: string) => message.startsWith('Invalid input') || message.startsWith('Invalid option');

function messageOf(issue: z.core.$ZodIssue): string {
  // A missing field is "required"; a field present with a value of the wrong type says which type it must have.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? 'is not an allowed key';
  if (!isZodWording(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

export function issuesToDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: messageOf(issue) }));
}

/** Parses a body with a schema or throws a 400 `request.invalid` naming every offending field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {}, { reportInput: true });
  if (!result.success) throw invalid(issuesToDetails(result.error));
  return result.data;
}
