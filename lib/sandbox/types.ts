/** Object shapes the sandbox stores and returns, following Smartpay's API objects. */

export type Mode = 'test' | 'live';
export type Metadata = Record<string, unknown>;
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
}

export interface OrderRecord extends BaseRecord {
  object: 'order';
  amount: number;
  currency: 'JPY';
  status: OrderStatus;
  captureMethod: CaptureMethod;
  expiresAt?: number;
  description?: string;
  reference?: string;
  metadata: Metadata;
  customerInfo: Record<string, unknown>;
  shippingInfo: ShippingInfo;
  lineItems: string[];
  payments: string[];
  /** Set on orders created from a token (`POST /orders`). */
  tokenId?: string;
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
}

export type Kind = keyof RecordMap;
