import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import { orders } from '@/lib/db/schema';

describe('openDatabase', () => {
  it('opens an embedded database and applies the migrations', async () => {
    const handle = await openDatabase({});
    try {
      expect(handle.kind).toBe('pglite');
      const tables = (await handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      )) as unknown as { rows: { table_name: string }[] };
      expect(tables.rows.map((r) => r.table_name)).toEqual(['order_lines', 'order_refunds', 'order_status_changes', 'orders', 'webhook_events']);
      expect(await handle.db.select().from(orders)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
