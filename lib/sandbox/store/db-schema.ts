import { sql, type SQL } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The sandbox's own tables (prefix `sandbox_`), kept apart from the shop's. Migrations are generated
 * into lib/sandbox/store/migrations with `npx drizzle-kit generate --config lib/sandbox/store/drizzle.config.ts`.
 * Times are epoch milliseconds.
 */

/**
 * The links `SandboxStore.find` follows inside a record's JSON (store.ts `RecordLinks`), each as the SQL
 * expression its index is built on: the store's queries use the same expressions, so the indexes serve them.
 */
export const recordLinks = {
  order: { tokenId: (data: AnyPgColumn) => sql`(${data} ->> 'tokenId')` },
  refund: { payment: (data: AnyPgColumn) => sql`(${data} ->> 'payment')` },
  event: { subject: (data: AnyPgColumn) => sql`(${data} -> 'eventData' -> 'data' ->> 'id')` },
} satisfies Record<string, Record<string, (data: AnyPgColumn) => SQL>>;

/** Every API object (sessions, orders, line items, prices, products, payments, refunds, endpoints, events). */
export const sandboxRecords = pgTable(
  'sandbox_records',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    /** Insertion order; lists are newest first and updates keep it. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    mode: text('mode').notNull(),
    /** Digest of the API key that created the record (owner.ts); other keys never see it. */
    owner: text('owner').notNull(),
    /** When the record was first stored; every record of one exclusive section has the same time. */
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.id] }),
    index('sandbox_records_kind_seq_idx').on(table.kind, table.seq),
    index('sandbox_records_owner_kind_seq_idx').on(table.owner, table.kind, table.seq),
    index('sandbox_records_created_at_idx').on(table.createdAt),
    // One partial index per link, over the records of its kind only.
    index('sandbox_records_order_token_idx').on(recordLinks.order.tokenId(table.data)).where(sql`${table.kind} = 'order'`),
    index('sandbox_records_refund_payment_idx').on(recordLinks.refund.payment(table.data)).where(sql`${table.kind} = 'refund'`),
    index('sandbox_records_event_subject_idx').on(recordLinks.event.subject(table.data)).where(sql`${table.kind} = 'event'`),
  ],
);

/** Stored answers per (owner of the API key, Idempotency-Key); `key` is `<owner>:<Idempotency-Key>`. */
export const sandboxIdempotency = pgTable('sandbox_idempotency', {
  key: text('key').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  status: integer('status').notNull(),
  body: text('body').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/** One event sent to one endpoint; pending rows are claimed by one process at a time through `claimed_until`. */
export const sandboxWebhookDeliveries = pgTable(
  'sandbox_webhook_deliveries',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    test: boolean('test').notNull(),
    /** The owner of the event (and of the endpoint it goes to). */
    owner: text('owner').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    endpointId: text('endpoint_id').notNull(),
    url: text('url').notNull(),
    /** `pending`, `succeeded` or `failed`. */
    status: text('status').notNull(),
    /** Every attempt: `{at, durationMs, statusCode?, error?}`. */
    attempts: jsonb('attempts').notNull(),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }),
    claimedUntil: bigint('claimed_until', { mode: 'number' }),
    claimedBy: text('claimed_by'),
  },
  (table) => [
    index('sandbox_webhook_deliveries_due_idx').on(table.status, table.nextAttemptAt),
    index('sandbox_webhook_deliveries_seq_idx').on(table.seq),
    index('sandbox_webhook_deliveries_event_idx').on(table.eventId),
  ],
);

/** Counters of the API's rate limits (rate-limiter-flexible's Drizzle store), shared by every process. */
export const sandboxRateLimits = pgTable('sandbox_rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
