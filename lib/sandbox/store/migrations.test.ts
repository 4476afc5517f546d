import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import { DEV_SANDBOX_KEY } from '@/lib/secrets';
import { SANDBOX_MIGRATIONS } from './db-open';
import { ownerOf } from './owner';

/** Rows stored before objects had owners get the development key's owner and a creation time. */

const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sandbox migrations', () => {
  it('backfill owner and created_at of existing rows', async () => {
    const initial = path.join(dir, 'initial');
    cpSync(SANDBOX_MIGRATIONS.folder, initial, { recursive: true });
    const journalPath = path.join(initial, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));

    const handle = await openDatabase({});
    try {
      await handle.migrate({ folder: initial, table: SANDBOX_MIGRATIONS.table });
      await handle.db.execute(
        sql`INSERT INTO sandbox_records (kind, id, mode, data) VALUES ('order', 'order_test_Legacy', 'test', '{"id":"order_test_Legacy"}')`,
      );
      await handle.db.execute(
        sql`INSERT INTO sandbox_webhook_deliveries (id, test, created_at, updated_at, event_id, event_type, endpoint_id, url, status, attempts)
            VALUES ('whdelivery_test_Legacy', true, 1, 1, 'evt', 'order.authorized', 'we', 'http://shop.test/hook', 'pending', '[]')`,
      );
      const before = Date.now();
      await handle.migrate(SANDBOX_MIGRATIONS);
      const rows = (await handle.db.execute(sql`SELECT owner, created_at FROM sandbox_records`)) as unknown as {
        rows: { owner: string; created_at: string | number }[];
      };
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]!.owner).toBe(ownerOf(DEV_SANDBOX_KEY));
      expect(Number(rows.rows[0]!.created_at)).toBeGreaterThanOrEqual(before - 1000);
      const deliveries = (await handle.db.execute(sql`SELECT owner FROM sandbox_webhook_deliveries`)) as unknown as { rows: { owner: string }[] };
      expect(deliveries.rows.map((row) => row.owner)).toEqual([ownerOf(DEV_SANDBOX_KEY)]);
    } finally {
      await handle.close();
    }
  });
});
