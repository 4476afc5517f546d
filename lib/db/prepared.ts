import type { Database } from '@/lib/db/client';

/**
 * A statement built once per database and kept under `key`, for the statements each checkout runs
 * (lib/orders/repository.ts, lib/checkout/drafts.ts, lib/rate-limits.ts): building a statement of several
 * parts with Drizzle costs more than running it, and `.prepare(name)` makes it a named statement that
 * PostgreSQL parses and plans once per connection. Every value must be a placeholder: a value written into a
 * prepared statement is sent unchanged on every run.
 */
const prepared = new WeakMap<Database, Map<string, unknown>>();

export function preparedFor<T>(db: Database, key: string, prepare: () => T): T {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  if (!statements.has(key)) statements.set(key, prepare());
  return statements.get(key) as T;
}
