import { z } from 'zod';

/** Smartpay's error body: {statusCode, errorCode, message, details}. */
export const smartpayErrorBodySchema = z.looseObject({
  statusCode: z.number().optional(),
  errorCode: z.string().optional(),
  message: z.string().optional(),
  details: z.unknown().optional(),
});

export const orderStatusSchema = z.enum([
  'requires_authorization',
  'requires_capture',
  'succeeded',
  'rejected',
  'canceled',
  'pending',
  'failed',
]);
export type SmartpayOrderStatus = z.infer<typeof orderStatusSchema>;

const productSchema = z.looseObject({ name: z.string().optional(), reference: z.string().optional() });
const priceSchema = z.looseObject({ amount: z.number().optional(), product: z.union([z.string(), productSchema]).optional() });

export const lineItemSchema = z.looseObject({
  id: z.string(),
  kind: z.string().optional(),
  amount: z.number().optional(),
  quantity: z.number().optional(),
  price: z.union([z.string(), priceSchema]).optional(),
});

export const paymentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment'),
  amount: z.number().int(),
  order: z.string(),
  status: z.string().optional(),
});
export type SmartpayPayment = z.infer<typeof paymentSchema>;

export const refundSchema = z.looseObject({
  id: z.string(),
  object: z.literal('refund'),
  amount: z.number().int(),
  payment: z.string(),
  reason: z.string().optional(),
  status: z.string().optional(),
});
export type SmartpayRefund = z.infer<typeof refundSchema>;

/** A webhook event: {id, object: "event", createdAt, test, eventData: {type, version, data}}. */
export const eventSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('event'),
  createdAt: z.number().optional(),
  test: z.boolean().optional(),
  eventData: z.looseObject({
    type: z.string().min(1),
    version: z.string().optional(),
    data: z.looseObject({ id: z.string().optional() }),
  }),
});
export type SmartpayEvent = z.infer<typeof eventSchema>;

export const orderSchema = z.looseObject({
  id: z.string(),
  object: z.literal('order'),
  status: orderStatusSchema,
  amount: z.number().int(),
  currency: z.string(),
  reference: z.string().optional(),
  test: z.boolean().optional(),
  createdAt: z.number().optional(),
  expiresAt: z.number().optional(),
  lineItems: z.array(z.union([z.string(), lineItemSchema])).optional(),
  payments: z.array(z.union([z.string(), z.lazy(() => paymentSchema)])).optional(),
});
export type SmartpayOrder = z.infer<typeof orderSchema>;

export const checkoutSessionSchema = z.looseObject({
  id: z.string().regex(/^checkout_(test|live)_[0-9A-Za-z]+$/),
  object: z.literal('checkoutSession'),
  url: z.url(),
  order: z.union([z.string(), orderSchema]).optional(),
  successUrl: z.string().optional(),
  cancelUrl: z.string().optional(),
  reference: z.string().optional(),
  test: z.boolean().optional(),
});
export type SmartpayCheckoutSession = z.infer<typeof checkoutSessionSchema>;
