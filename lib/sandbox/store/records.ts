/** Object shapes the sandbox stores and returns, following Smartpay's API objects. */

export type Mode = 'test' | 'live';
/** Smartpay's metadata: string values only (https://en.docs.smartpay.co/reference/metadata, sdk-node src/types.ts `MetaData`). */
export type Metadata = Record<string, string>;
export type OrderStatus = 'requires_authorization' | 'requires_capture' | 'succeeded' | 'rejected' | 'canceled';
export type CaptureMethod = 'automatic' | 'manual';
export type ItemKind = 'product' | 'tax' | 'discount';
export type TokenStatus = 'requires_authorization' | 'active' | 'rejected' | 'disabled' | 'deleted';

export interface Address {
  line1: string;
  line2?: string;
  line3?: string;
  line4?: string;
  line5?: string;
  subLocality?: string;
  locality: string;
  administrativeArea?: string;
  postalCode: string;
  country: 'JP';
}

export interface ShippingInfo {
  address: Address;
  addressType?: string;
  carrierName?: string;
  reference?: string;
  feeAmount?: number;
  feeCurrency?: string;
}

interface BaseRecord {
  id: string;
  test: boolean;
  createdAt: number;
  updatedAt: number;
  /**
   * Sandbox-only, never in API answers or events: what the sandbox accepted although Smartpay might
   * refuse it (rules Smartpay does not confirm), also sent as `Sandbox-Warning` headers and shown on the dashboard.
   */
  sandboxWarnings?: string[];
}

/** A normal session has an `order`; a token-mode session has a `token` instead. */
export interface CheckoutSessionRecord extends BaseRecord {
  object: 'checkoutSession';
  customerInfo: Record<string, unknown>;
  order?: string;
  token?: string;
  successUrl: string;
  cancelUrl: string;
  url: string;
  locale?: 'en' | 'ja';
  reference?: string;
  description?: string;
  metadata: Metadata;
  /** Sandbox-only, never in API answers: soft declines counted on a token-mode session's page (hosted-page/soft-decline.ts). */
  sandboxSoftDeclines?: number;
}

/**
 * A stored order. Its API form (`orderObject` in expand.ts) has the fields Smartpay's order shows (sdk-go
 * `Order`/`OrderExpanded`, sdk-node `Order`, the order object's reference page); `captureMethod` and
 * `sandboxWarnings` are the sandbox's own bookkeeping.
 */
export interface OrderRecord extends BaseRecord {
  object: 'order';
  amount: number;
  currency: 'JPY';
  status: OrderStatus;
  /** Sandbox-internal (what approval does, shown on the dashboard); Smartpay's order has no such field. */
  captureMethod: CaptureMethod;
  expiresAt?: number;
  description?: string;
  reference?: string;
  metadata: Metadata;
  shippingInfo: ShippingInfo;
  lineItems: string[];
  payments: string[];
  /** Discount ids (Smartpay coupons); absent on orders stored before the field existed. */
  discounts?: string[];
  /** Set on orders created from a token (`POST /orders`). */
  tokenId?: string;
  /** Sandbox-only, never in API answers or events: soft declines counted (hosted-page/soft-decline.ts). */
  sandboxSoftDeclines?: number;
}

export interface TokenRecord extends BaseRecord {
  object: 'token';
  status: TokenStatus;
  reference?: string;
  metadata: Metadata;
}

export interface LineItemRecord extends BaseRecord {
  object: 'lineItem';
  kind: ItemKind;
  amount: number;
  currency: 'JPY';
  quantity: number;
  description?: string;
  metadata: Metadata;
  /** Price id; only product lines have a price (and through it a product). */
  price?: string;
}

export interface PriceRecord extends BaseRecord {
  object: 'price';
  active: boolean;
  amount: number;
  currency: 'JPY';
  label?: string;
  description?: string;
  metadata: Metadata;
  product: string;
}

export interface ProductRecord extends BaseRecord {
  object: 'product';
  active: boolean;
  name: string;
  brand?: string;
  categories: string[];
  description?: string;
  gtin?: string;
  images: string[];
  reference?: string;
  url?: string;
  metadata: Metadata;
}

export interface PaymentRecord extends BaseRecord {
  object: 'payment';
  amount: number;
  currency: 'JPY';
  order: string;
  status: 'processed' | 'refunded';
  reference?: string;
  description?: string;
  lineItems: string[];
  metadata: Metadata;
}

export interface RefundRecord extends BaseRecord {
  object: 'refund';
  payment: string;
  amount: number;
  currency: 'JPY';
  reason: 'requested_by_customer' | 'fraudulent';
  status: 'succeeded' | 'failed';
  reference?: string;
  description?: string;
  lineItems: string[];
  metadata: Metadata;
}

export interface WebhookEndpointRecord extends BaseRecord {
  object: 'webhookEndpoint';
  url: string;
  active: boolean;
  description?: string;
  /** Absent means every event type. */
  eventSubscriptions?: string[];
  metadata: Metadata;
  signingSecret: string;
}

export interface EventRecord {
  id: string;
  object: 'event';
  createdAt: number;
  test: boolean;
  eventData: { type: string; version: string; data: unknown };
}

export interface DeliveryAttempt {
  at: number;
  durationMs: number;
  statusCode?: number;
  error?: string;
}

/** One event sent to one endpoint, with every attempt made (sandbox-internal, shown on the dashboard). */
export interface DeliveryRecord {
  id: string;
  test: boolean;
  createdAt: number;
  updatedAt: number;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  state: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt?: number;
}

export type DiscountType = 'amount' | 'percentage';

/** A coupon (`coupon_<mode>_…`): a discount that promotion codes point to. */
export interface CouponRecord extends BaseRecord {
  object: 'coupon';
  active: boolean;
  name: string;
  description?: string;
  discountType: DiscountType;
  discountAmount?: number;
  discountPercentage?: number;
  currency?: 'JPY';
  expiresAt?: number;
  maxRedemptionCount?: number;
  redemptionCount: number;
  sponsored: boolean;
  metadata: Metadata;
}

/** A promotion code (`promotioncode_<mode>_…`): a customer-facing code of a coupon. */
export interface PromotionCodeRecord extends BaseRecord {
  object: 'promotionCode';
  code: string;
  /** Coupon id. */
  coupon: string;
  active: boolean;
  currency?: 'JPY';
  expiresAt?: number;
  firstTimeTransaction: boolean;
  maxRedemptionCount?: number;
  minimumAmount?: number;
  onePerCustomer: boolean;
  redemptionCount: number;
  metadata: Metadata;
}

/** A test consumer (the shopper side, consumers.ts); never part of the merchant API. */
export interface ConsumerRecord extends BaseRecord {
  object: 'consumer';
  emailAddress: string;
  /** `scrypt$<salt hex>$<hash hex>`; the password itself is never stored. */
  passwordHash: string;
}

/** A consumer's access token, stored under the digest of the token (the token itself is never stored). */
export interface ConsumerAccessTokenRecord extends BaseRecord {
  object: 'consumerAccessToken';
  /** Consumer id. */
  consumer: string;
  expiresAt: number;
}

export interface RecordMap {
  checkoutSession: CheckoutSessionRecord;
  order: OrderRecord;
  lineItem: LineItemRecord;
  price: PriceRecord;
  product: ProductRecord;
  payment: PaymentRecord;
  refund: RefundRecord;
  token: TokenRecord;
  webhookEndpoint: WebhookEndpointRecord;
  event: EventRecord;
  delivery: DeliveryRecord;
  coupon: CouponRecord;
  promotionCode: PromotionCodeRecord;
  consumer: ConsumerRecord;
  consumerAccessToken: ConsumerAccessTokenRecord;
}

export type Kind = keyof RecordMap;
