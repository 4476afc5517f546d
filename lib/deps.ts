import 'server-only';
import { db, type Database } from '@/lib/db/client';
import { smartpay, type SmartpayClient } from '@/lib/smartpay-api/client';

/**
 * What the shop's code needs from outside: the database and the Smartpay client. One way to pass them:
 * entry points (pages, route handlers, server actions, proxy.ts) call `shopDeps()` (or `db()` when they need
 * only the database) and hand the result down; code below them never fetches either itself: it takes
 * `deps: ShopDeps` when it needs both and `db: Database` when it needs only the database.
 * Tests build their own (a test database, test/fake-smartpay.ts's client).
 */
export interface ShopDeps {
  db: Database;
  client: SmartpayClient;
}

export async function shopDeps(): Promise<ShopDeps> {
  return { db: await db(), client: smartpay() };
}
