import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { sandboxIdempotency, sandboxRecords, sandboxWebhookDeliveries } from './db-schema';
import { KeyedLock } from './lock';
import type { DeliveryClaim, IdempotencyEntry, SandboxStore } from './store';
import type { DeliveryAttempt, DeliveryRecord, Kind, RecordMap } from './types';

/** Advisory lock key every exclusive section takes, so all processes sharing the database run them one at a time. */
export const SANDBOX_LOCK_KEY = 7_341_502_377;

/** The database or an open transaction: both run the same queries. */
type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

type DeliveryRow = typeof sandboxWebhookDeliveries.$inferSelect;

const deliveries = sandboxWebhookDeliveries;

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    test: row.test,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    eventId: row.eventId,
    eventType: row.eventType,
    endpointId: row.endpointId,
    url: row.url,
    state: row.status as DeliveryRecord['state'],
    attempts: row.attempts as DeliveryAttempt[],
    ...(row.nextAttemptAt === null ? {} : { nextAttemptAt: row.nextAttemptAt }),
  };
}

function deliveryColumns(record: DeliveryRecord) {
  return {
    test: record.test,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    eventId: record.eventId,
    eventType: record.eventType,
    endpointId: record.endpointId,
    url: record.url,
    status: record.state,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt ?? null,
    claimedUntil: null,
    claimedBy: null,
  };
}

/**
 * Sandbox state in the shop's database, in the sandbox's own `sandbox_*` tables. `exclusive` runs its
 * work in one transaction holding `pg_advisory_xact_lock(SANDBOX_LOCK_KEY)`, with every read and write
 * of that work going through the transaction.
 */
export class DbStore implements SandboxStore {
  constructor(
    private readonly db: Database,
    private readonly executor: Executor = db,
    private readonly inTransaction = false,
    private readonly lock = new KeyedLock(),
  ) {}

  private tail: Promise<unknown> = Promise.resolve();

  /** Runs one query; inside a transaction queries go one after another over its single connection. */
  private run<T>(query: () => PromiseLike<T>): Promise<T> {
    if (!this.inTransaction) return Promise.resolve(query());
    const result = this.tail.then(() => query());
    this.tail = result.catch(() => undefined);
    return result;
  }

  async get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined> {
    if (kind === 'delivery') {
      const [row] = await this.run(() => this.executor.select().from(deliveries).where(eq(deliveries.id, id)));
      return row && (toDelivery(row) as RecordMap[K]);
    }
    const [row] = await this.run(() =>
      this.executor
        .select({ data: sandboxRecords.data })
        .from(sandboxRecords)
        .where(and(eq(sandboxRecords.kind, kind), eq(sandboxRecords.id, id))),
    );
    return row?.data as RecordMap[K] | undefined;
  }

  async put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void> {
    if (kind === 'delivery') {
      const columns = deliveryColumns(record as DeliveryRecord);
      await this.run(() =>
        this.executor
          .insert(deliveries)
          .values({ id: record.id, ...columns })
          .onConflictDoUpdate({ target: deliveries.id, set: columns }),
      );
      return;
    }
    const mode = record.test ? 'test' : 'live';
    await this.run(() =>
      this.executor
        .insert(sandboxRecords)
        .values({ kind, id: record.id, mode, data: record })
        .onConflictDoUpdate({ target: [sandboxRecords.kind, sandboxRecords.id], set: { mode, data: record } }),
    );
  }

  async delete(kind: Kind, id: string): Promise<void> {
    if (kind === 'delivery') {
      await this.run(() => this.executor.delete(deliveries).where(eq(deliveries.id, id)));
      return;
    }
    await this.run(() =>
      this.executor.delete(sandboxRecords).where(and(eq(sandboxRecords.kind, kind), eq(sandboxRecords.id, id))),
    );
  }

  async list<K extends Kind>(kind: K): Promise<RecordMap[K][]> {
    if (kind === 'delivery') {
      const rows = await this.run(() => this.executor.select().from(deliveries).orderBy(desc(deliveries.seq)));
      return rows.map((row) => toDelivery(row) as RecordMap[K]);
    }
    const rows = await this.run(() =>
      this.executor
        .select({ data: sandboxRecords.data })
        .from(sandboxRecords)
        .where(eq(sandboxRecords.kind, kind))
        .orderBy(desc(sandboxRecords.seq)),
    );
    return rows.map((row) => row.data as RecordMap[K]);
  }

  async getIdempotency(key: string): Promise<IdempotencyEntry | undefined> {
    const [row] = await this.run(() =>
      this.executor.select().from(sandboxIdempotency).where(eq(sandboxIdempotency.key, key)),
    );
    return row && { fingerprint: row.fingerprint, status: row.status, body: row.body, createdAt: row.createdAt };
  }

  async putIdempotency(key: string, entry: IdempotencyEntry): Promise<void> {
    await this.run(() =>
      this.executor
        .insert(sandboxIdempotency)
        .values({ key, ...entry })
        .onConflictDoUpdate({ target: sandboxIdempotency.key, set: { ...entry } }),
    );
  }

  async exclusive<T>(work: (store: SandboxStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.lock.run('state', () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(String(SANDBOX_LOCK_KEY))})`);
        return work(new DbStore(this.db, tx, true, this.lock));
      }),
    );
  }

  async claimDueDeliveries(claim: DeliveryClaim): Promise<DeliveryRecord[]> {
    const due = this.executor
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.status, 'pending'),
          lte(deliveries.nextAttemptAt, claim.now),
          or(isNull(deliveries.claimedUntil), lt(deliveries.claimedUntil, claim.now)),
        ),
      )
      .orderBy(asc(deliveries.nextAttemptAt))
      .limit(claim.limit)
      .for('update', { skipLocked: true });
    const rows = await this.run(() =>
      this.executor
        .update(deliveries)
        .set({ claimedUntil: claim.now + claim.leaseMs, claimedBy: claim.owner })
        .where(inArray(deliveries.id, due))
        .returning(),
    );
    return rows.map(toDelivery);
  }

  async nextPendingDeliveryAt(): Promise<number | undefined> {
    const [row] = await this.run(() =>
      this.executor
        .select({ at: deliveries.nextAttemptAt })
        .from(deliveries)
        .where(eq(deliveries.status, 'pending'))
        .orderBy(asc(deliveries.nextAttemptAt))
        .limit(1),
    );
    return row ? (row.at ?? 0) : undefined;
  }
}
