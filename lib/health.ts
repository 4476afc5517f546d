import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getConfig, type SmartpayMode } from '@/lib/config';
import { getDatabase, type DatabaseHandle } from '@/lib/db/client';
import { SHOP_MIGRATIONS } from '@/lib/db/migrate';

/**
 * What a load balancer or an operator needs to know about this instance: which Smartpay mode it runs in,
 * which database it uses, whether that database answers and has every migration this build ships. Never a
 * secret, never a shopper's data.
 */
export interface Health {
  /** `draining`: the instance is stopping (SIGTERM) and serves only what it has; send it nothing new. */
  status: 'ok' | 'unavailable' | 'draining';
  mode: SmartpayMode;
  database: 'postgres' | 'pglite' | 'unknown';
  /** `current` when the newest migration of this build is applied; `behind` when it is not; `unknown` when the database did not answer. */
  migrations: 'current' | 'behind' | 'unknown';
  /** Set when status is `unavailable`. */
  problem?: string;
}

const DATABASE_TIMEOUT_MS = 3_000;

/** The `when` of the newest migration this build ships (drizzle/meta/_journal.json), as drizzle records it. */
function newestShippedMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(SHOP_MIGRATIONS.folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

export async function checkHealth(
  open: () => Promise<Pick<DatabaseHandle, 'db' | 'kind'>> = getDatabase,
  options: { mode?: SmartpayMode; newestMigration?: number; timeoutMs?: number } = {},
): Promise<Health> {
  const mode = options.mode ?? getConfig().mode;
  const timeoutMs = options.timeoutMs ?? DATABASE_TIMEOUT_MS;
  let kind: Health['database'] = 'unknown';
  try {
    const handle = await withTimeout(open(), timeoutMs);
    kind = handle.kind;
    const result = (await withTimeout(
      handle.db.execute(sql`select max(created_at)::text as newest from ${sql.identifier('drizzle')}.${sql.identifier(SHOP_MIGRATIONS.table)}`),
      timeoutMs,
    )) as unknown as { rows: { newest: string | null }[] };
    const applied = Number(result.rows[0]?.newest ?? 0);
    const shipped = options.newestMigration ?? newestShippedMigration();
    return { status: 'ok', mode, database: kind, migrations: applied >= shipped ? 'current' : 'behind' };
  } catch (error) {
    console.error('[health] the database did not answer:', error instanceof Error ? error.message : error);
    return { status: 'unavailable', mode, database: kind, migrations: 'unknown', problem: 'the database did not answer' };
  }
}
