import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OrderStatus } from '@/lib/orders/status';

/** The shop's own tables. Changes go through versioned migrations in drizzle/ (`npm run db:generate`). */

export interface StoredCustomer {
  email: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string;
  givenNameKana?: string;
  /** E.164 */
  phone: string;
}

export interface StoredAddress {
  postalCode: string;
  prefecture: string;
  city: string;
  line1: string;
  line2?: string;
}

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The shop's order reference, sent to Smartpay as `reference` and put in the success/cancel URLs. */
    reference: text('reference').notNull().unique(),
    status: text('status').$type<OrderStatus>().notNull(),
    /** Digest of the browser that placed the order (lib/checkout/browser-id.ts); null for orders made outside a browser. */
    owner: text('owner'),
    /** Digest of what was ordered (customer, address, lines, totals): an order never changes once recorded. */
    contentDigest: text('content_digest'),
    locale: text('locale').notNull(),
    currency: text('currency').notNull().default('JPY'),
    subtotal: integer('subtotal').notNull(),
    shippingFee: integer('shipping_fee').notNull(),
    total: integer('total').notNull(),
    customer: jsonb('customer').$type<StoredCustomer>().notNull(),
    shippingAddress: jsonb('shipping_address').$type<StoredAddress>().notNull(),
    smartpaySessionId: text('smartpay_session_id').unique(),
    smartpayOrderId: text('smartpay_order_id').unique(),
    /** Smartpay's own status string, as last seen. */
    smartpayStatus: text('smartpay_status'),
    capturedAmount: integer('captured_amount').notNull().default(0),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('orders_created_at_idx').on(table.createdAt), index('orders_owner_idx').on(table.owner)],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: serial('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: text('product_id').notNull(),
    name: text('name').notNull(),
    /** Tax-included unit price in yen, as charged. */
    unitPrice: integer('unit_price').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotal: integer('line_total').notNull(),
  },
  (table) => [index('order_lines_order_id_idx').on(table.orderId)],
);

/** Every change of an order's status, with what caused it. */
export const orderStatusChanges = pgTable(
  'order_status_changes',
  {
    id: serial('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<OrderStatus>(),
    toStatus: text('to_status').$type<OrderStatus>().notNull(),
    /** checkout | return | webhook | recheck | merchant */
    source: text('source').notNull(),
    detail: text('detail'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('order_status_changes_order_id_idx').on(table.orderId)],
);

/** Webhook events received, once each by Smartpay's event id. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    eventId: text('event_id').primaryKey(),
    type: text('type').notNull(),
    /** The Smartpay order the event concerns, once known. */
    smartpayOrderId: text('smartpay_order_id'),
    eventCreatedAt: bigint('event_created_at', { mode: 'number' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** processed | ignored | failed: <reason> */
    outcome: text('outcome'),
    payload: jsonb('payload').notNull(),
  },
  (table) => [index('webhook_events_order_idx').on(table.smartpayOrderId)],
);

/** Refunds made on an order's payments, once each by Smartpay's refund id. */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    smartpayRefundId: text('smartpay_refund_id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    smartpayPaymentId: text('smartpay_payment_id').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('order_refunds_order_id_idx').on(table.orderId)],
);

/**
 * Secrets a production deployment generates once when the environment does not provide them (the
 * hosted demo's sandbox key and webhook secret, the cookie secret), shared by every instance.
 */
export const shopSecrets = pgTable('shop_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Rate-limit counters (rate-limiter-flexible's Drizzle store), shared by every instance on one database. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});

/**
 * What a browser last typed into the checkout form, so it is still there after Back from Smartpay or a
 * reload (lib/checkout/drafts.ts): one row per browser, keyed by the digest of its id, sealed with a key
 * derived from that id, so neither the row's key nor the database alone can read it. Purged with the orders.
 */
export const checkoutDrafts = pgTable(
  'checkout_drafts',
  {
    /** Digest of the browser's id (lib/checkout/browser-id.ts `browserOwner`). */
    owner: text('owner').primaryKey(),
    /** AES-256-GCM of the form's values as JSON: `<iv>.<tag>.<ciphertext>`, base64url. */
    sealed: text('sealed').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('checkout_drafts_updated_at_idx').on(table.updatedAt)],
);
