import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '@/lib/db/schema';
import { databaseKind, openTestDatabase } from '@/test/database';

describe(`openDatabase (${databaseKind})`, () => {
  it('applies the versioned migrations, and applying them again changes nothing', async () => {
    const handle = await openTestDatabase();
    try {
      expect(handle.kind).toBe(databaseKind);
      const tables = (await handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      )) as unknown as { rows: { table_name: string }[] };
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['order_lines', 'order_refunds', 'order_status_changes', 'orders', 'webhook_events']),
      );
      await expect(handle.db.select().from(orders).limit(1)).resolves.toBeInstanceOf(Array);
    } finally {
      await handle.close();
    }
    const again = await openTestDatabase();
    await again.close();
  });
});
