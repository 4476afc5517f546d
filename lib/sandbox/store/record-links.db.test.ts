import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '@/lib/db/client';
import { openDbStore } from './db-open';
import { DbStore } from './db-store';
import type { Kind } from './records';
import type { RecordQuery } from './store';

/**
 * `find` reads a few records without reading the rest: on PostgreSQL, with thousands of records of the same
 * owner and kind stored, each of its lookups is answered from an index on the link it follows. The records
 * are written and analyzed in a transaction that is rolled back, so other suites on the same database never
 * see them. Runs only with SANDBOX_TEST_DATABASE_URL set.
 */
const databaseUrl = process.env.SANDBOX_TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('SandboxStore.find on PostgreSQL', () => {
  let handle: DatabaseHandle;
  let pool: Pool;
  const queries: { sql: string; params: unknown[] }[] = [];

  beforeAll(async () => {
    handle = await openDatabase({ databaseUrl });
    await openDbStore(handle);
    pool = new Pool({ connectionString: databaseUrl, max: 1 });
  });

  afterAll(async () => {
    await pool?.end();
    await handle?.close();
  });

  const OWNER = 'owner-of-test';
  const MANY = 3000;

  /** The plan of the one query `find(kind, query)` sends, with MANY records of each kind stored for its owner. */
  async function planOf<K extends Kind>(kind: K, query: RecordQuery<K>): Promise<string> {
    queries.length = 0;
    const logged = drizzle(pool, { logger: { logQuery: (sql, params) => queries.push({ sql, params }) } }) as unknown as Database;
    await new DbStore(logged).forOwner(OWNER).find(kind, query);
    expect(queries).toHaveLength(1);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Each record links to one of its own (order_test_1 → paytok_test_1, …), none to what the lookups ask for.
      await client.query(
        `INSERT INTO sandbox_records (kind, id, mode, owner, created_at, data)
         SELECT kind, prefix || n, 'test', $1, 0, data || jsonb_build_object('id', prefix || n)
         FROM generate_series(1, $2::int) AS n,
         LATERAL (VALUES
           ('checkoutSession', 'checkout_test_', jsonb_build_object('order', 'order_test_' || n)),
           ('order', 'order_test_', jsonb_build_object('tokenId', 'paytok_test_' || n)),
           ('refund', 'refund_test_', jsonb_build_object('payment', 'payment_test_' || n)),
           ('event', 'evt_test_', jsonb_build_object('eventData', jsonb_build_object('data', jsonb_build_object('id', 'order_test_' || n))))
         ) AS made (kind, prefix, data)`,
        [OWNER, MANY],
      );
      await client.query(
        `INSERT INTO sandbox_webhook_deliveries (id, test, owner, created_at, updated_at, event_id, event_type, endpoint_id, url, status, attempts)
         SELECT 'whdelivery_test_' || n, true, $1, 0, 0, 'evt_test_' || n, 'order.authorized', 'we_test', 'http://shop.test/hook', 'succeeded', '[]'
         FROM generate_series(1, $2::int) AS n`,
        [OWNER, MANY],
      );
      await client.query('ANALYZE sandbox_records, sandbox_webhook_deliveries');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${queries[0]!.sql}`, queries[0]!.params);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  /** Whether `plan` looks `value` up in `index` (not merely reads the index whole, as a partial index of a kind may be). */
  const looksUpIn = (plan: string, index: string, value: string) => {
    const lines = plan.split('\n');
    return lines.some(
      (line, at) => new RegExp(`(?:Index Scan using|Bitmap Index Scan on) ${index} `).test(line) && /^\s*Index Cond: .*/.test(lines[at + 1] ?? '') && lines[at + 1]!.includes(value),
    );
  };

  it.each([
    ['checkoutSession', { id: ['checkout_test_A'] }, 'sandbox_records_kind_id_pk'],
    ['order', { tokenId: ['paytok_test_A'] }, 'sandbox_records_order_token_idx'],
    ['refund', { payment: ['payment_test_A'] }, 'sandbox_records_refund_payment_idx'],
    ['event', { subject: ['order_test_A', 'payment_test_A'] }, 'sandbox_records_event_subject_idx'],
    ['delivery', { eventId: ['evt_test_A'] }, 'sandbox_webhook_deliveries_event_idx'],
  ] as const)('finds %s records by %o through %s', async (kind, query, index) => {
    const plan = await planOf(kind, query as RecordQuery<typeof kind>);
    expect(looksUpIn(plan, index, Object.values(query)[0]![0]!), plan).toBe(true);
    expect(plan).not.toContain('Seq Scan');
  });

  it('finds orders by id or by token through both indexes', async () => {
    const plan = await planOf('order', { id: ['order_test_A'], tokenId: ['paytok_test_A'] });
    expect(looksUpIn(plan, 'sandbox_records_kind_id_pk', 'order_test_A'), plan).toBe(true);
    expect(looksUpIn(plan, 'sandbox_records_order_token_idx', 'paytok_test_A'), plan).toBe(true);
    expect(plan).not.toContain('Seq Scan');
  });
});
