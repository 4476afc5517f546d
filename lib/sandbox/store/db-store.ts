import { and, asc, desc, eq, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { recordLinks, sandboxIdempotency, sandboxRateLimits, sandboxRecords, sandboxWebhookDeliveries } from './db-schema';
import { KeyedLock } from './lock';
import { claimOrder, type DeliveryClaim, type IdempotencyEntry, type PurgeCounts, type PurgeRequest, type RecordQuery, type SandboxStore } from './store';
import type { DeliveryAttempt, DeliveryRecord, Kind, RecordMap } from './records';

/**
 * First key of the advisory lock an exclusive section takes, `(SANDBOX_LOCK_CLASS, hashtext(scope))`, so all
 * processes sharing the database run one scope's (one owner's) sections one at a time.
 */
export const SANDBOX_LOCK_CLASS = 734_150;
/** Advisory lock key of a purge: when several processes purge at once, one does the work. */
export const PURGE_LOCK_KEY = 7_341_502_378;

/** Owner of records put through the store itself rather than an owner's view (only tests do that). */
const NO_OWNER = '';

/** The database or an open transaction: both run the same queries. */
type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** A record put in an exclusive section and not written yet (see DbStore.put). */
interface PendingPut {
  kind: Exclude<Kind, 'delivery'>;
  /** As the database would give it back (a JSON copy), so later changes to the caller's object do not leak in. */
  record: { id: string; test: boolean };
  /** The owner stamped on a new record, and the only owner whose existing record it may replace. */
  owner: string;
  /** The owner of the view that put it (undefined: the store itself, which may replace any owner's record). */
  viewOwner: string | undefined;
}

/** Where queries go: the database, or one exclusive section's transaction (whose queries run one after another). */
interface Connection {
  executor: Executor;
  inTransaction: boolean;
  tail: Promise<unknown>;
  /** Creation time of the records put in this exclusive section. */
  stamp?: number;
  /** In an exclusive section: records put and not written yet, by `kind:id`, in the order first put. */
  pending?: Map<string, PendingPut>;
}

const pendingKey = (kind: Kind, id: string) => `${kind}:${id}`;
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type DeliveryRow = typeof sandboxWebhookDeliveries.$inferSelect;

const records = sandboxRecords;
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

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Sandbox state in the shop's database, in the sandbox's own `sandbox_*` tables. `exclusive` runs its
 * work in one transaction holding `pg_advisory_xact_lock(SANDBOX_LOCK_CLASS, hashtext(scope))`, with every read and write
 * of that work going through the transaction; the records it puts are written together (see `flush`). Views (an owner's, an exclusive section's) share the
 * connection and lock of the store they come from.
 */
export class DbStore implements SandboxStore {
  private readonly clock: () => number;
  private readonly lock = new KeyedLock();
  private readonly connection: Connection;
  private readonly owner: string | undefined = undefined;

  constructor(
    private readonly db: Database,
    options: { clock?: () => number } = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.connection = { executor: db, inTransaction: false, tail: Promise.resolve() };
  }

  private view(changes: { owner?: string; connection?: Connection }): DbStore {
    return Object.assign(Object.create(DbStore.prototype) as DbStore, this, changes);
  }

  /** Runs one query; inside a transaction queries go one after another over its single connection. */
  private run<T>(query: (executor: Executor) => PromiseLike<T>): Promise<T> {
    const connection = this.connection;
    if (!connection.inTransaction) return Promise.resolve(query(connection.executor));
    const result = connection.tail.then(() => query(connection.executor));
    connection.tail = result.catch(() => undefined);
    return result;
  }

  private recordOwned(): SQL | undefined {
    return this.owner === undefined ? undefined : eq(records.owner, this.owner);
  }

  private deliveryOwned(): SQL | undefined {
    return this.owner === undefined ? undefined : eq(deliveries.owner, this.owner);
  }

  private refuseForeign(rows: unknown[], kind: Kind, id: string): void {
    if (rows.length === 0) throw new Error(`Sandbox ${kind} ${id} belongs to another owner`);
  }

  forOwner(owner: string): SandboxStore {
    return this.view({ owner });
  }

  async ownerOf(kind: Kind, id: string): Promise<string | undefined> {
    await this.flush();
    if (kind === 'delivery') {
      const [row] = await this.run((x) => x.select({ owner: deliveries.owner }).from(deliveries).where(eq(deliveries.id, id)));
      return row?.owner;
    }
    const [row] = await this.run((x) =>
      x.select({ owner: records.owner }).from(records).where(and(eq(records.kind, kind), eq(records.id, id))),
    );
    return row?.owner;
  }

  async get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined> {
    if (kind === 'delivery') {
      const [row] = await this.run((x) => x.select().from(deliveries).where(and(eq(deliveries.id, id), this.deliveryOwned())));
      return row && (toDelivery(row) as RecordMap[K]);
    }
    const pending = this.connection.pending?.get(pendingKey(kind, id));
    if (pending && (this.owner === undefined || this.owner === pending.owner)) return jsonCopy(pending.record) as RecordMap[K];
    if (pending) await this.flush();
    const [row] = await this.run((x) =>
      x
        .select({ data: records.data })
        .from(records)
        .where(and(eq(records.kind, kind), eq(records.id, id), this.recordOwned())),
    );
    return row?.data as RecordMap[K] | undefined;
  }

  async put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void> {
    const owner = this.owner ?? NO_OWNER;
    if (kind === 'delivery') {
      const columns = deliveryColumns(record as DeliveryRecord);
      const rows = await this.run((x) =>
        x
          .insert(deliveries)
          .values({ id: record.id, owner, ...columns })
          .onConflictDoUpdate({ target: deliveries.id, set: columns, setWhere: this.deliveryOwned() })
          .returning({ id: deliveries.id }),
      );
      this.refuseForeign(rows, kind, record.id);
      return;
    }
    const pending = this.connection.pending;
    if (pending) {
      // In a section, records are written together (flush): when the section ends, or before a read that
      // must find them in the database (list, delete, ownerOf). One round trip for all of them, instead of
      // one per record while the section holds its connection and its lock. `get` reads them from here.
      const key = pendingKey(kind, record.id);
      const entry: PendingPut = { kind, record: jsonCopy(record), owner, viewOwner: this.owner };
      // A record put again keeps its place (Map order) and thus its place in the store's insertion order.
      pending.set(key, entry);
      return;
    }
    const mode = record.test ? 'test' : 'live';
    const createdAt = this.connection.stamp ?? this.clock();
    const rows = await this.run((x) =>
      x
        .insert(records)
        .values({ kind, id: record.id, mode, owner, createdAt, data: record })
        .onConflictDoUpdate({ target: [records.kind, records.id], set: { mode, data: record }, setWhere: this.recordOwned() })
        .returning({ id: records.id }),
    );
    this.refuseForeign(rows, kind, record.id);
  }

  async delete(kind: Kind, id: string): Promise<void> {
    await this.flush();
    if (kind === 'delivery') {
      await this.run((x) => x.delete(deliveries).where(and(eq(deliveries.id, id), this.deliveryOwned())));
      return;
    }
    await this.run((x) => x.delete(records).where(and(eq(records.kind, kind), eq(records.id, id), this.recordOwned())));
  }

  async list<K extends Kind>(kind: K): Promise<RecordMap[K][]> {
    return this.select(kind, undefined);
  }

  async find<K extends Kind>(kind: K, query: RecordQuery<K>): Promise<RecordMap[K][]> {
    const wanted = Object.entries(query as Record<string, readonly string[] | undefined>).filter(
      (entry): entry is [string, readonly string[]] => entry[1] !== undefined && entry[1].length > 0,
    );
    if (wanted.length === 0) return [];
    const links = (recordLinks as Partial<Record<Kind, Record<string, (data: typeof records.data) => SQL>>>)[kind];
    const linked = (link: string): SQL => {
      if (kind === 'delivery') return sql`${link === 'id' ? deliveries.id : deliveries.eventId}`;
      if (link === 'id') return sql`${records.id}`;
      const expression = links?.[link];
      if (!expression) throw new Error(`Sandbox ${kind} records have no link ${link}`);
      return expression(records.data);
    };
    return this.select(kind, or(...wanted.map(([link, values]) => inArray(linked(link), [...values]))));
  }

  /** This view's records of `kind` that match `where` (all of them without), newest first. */
  private async select<K extends Kind>(kind: K, where: SQL | undefined): Promise<RecordMap[K][]> {
    await this.flush();
    if (kind === 'delivery') {
      const rows = await this.run((x) => x.select().from(deliveries).where(and(where, this.deliveryOwned())).orderBy(desc(deliveries.seq)));
      return rows.map((row) => toDelivery(row) as RecordMap[K]);
    }
    const rows = await this.run((x) =>
      x
        .select({ data: records.data })
        .from(records)
        .where(and(eq(records.kind, kind), where, this.recordOwned()))
        .orderBy(desc(records.seq)),
    );
    return rows.map((row) => row.data as RecordMap[K]);
  }

  async getIdempotency(key: string): Promise<IdempotencyEntry | undefined> {
    const [row] = await this.run((x) => x.select().from(sandboxIdempotency).where(eq(sandboxIdempotency.key, key)));
    return row && { fingerprint: row.fingerprint, status: row.status, body: row.body, createdAt: row.createdAt };
  }

  async putIdempotency(key: string, entry: IdempotencyEntry): Promise<void> {
    await this.run((x) =>
      x
        .insert(sandboxIdempotency)
        .values({ key, ...entry })
        .onConflictDoUpdate({ target: sandboxIdempotency.key, set: { ...entry } }),
    );
  }

  /**
   * Writes the section's pending records in one statement per putting view (one, in practice), each
   * inserted or, if it exists and belongs to that view's owner, replaced, as a single `put` would.
   */
  private async flush(): Promise<void> {
    const pending = this.connection.pending;
    if (!pending || pending.size === 0) return;
    const entries = [...pending.values()];
    pending.clear();
    const createdAt = this.connection.stamp ?? this.clock();
    const byView = new Map<string | undefined, PendingPut[]>();
    for (const entry of entries) byView.set(entry.viewOwner, [...(byView.get(entry.viewOwner) ?? []), entry]);
    for (const [viewOwner, group] of byView) {
      const rows = await this.run((x) =>
        x
          .insert(records)
          .values(
            group.map(({ kind, record, owner }) => ({ kind, id: record.id, mode: record.test ? 'test' : 'live', owner, createdAt, data: record })),
          )
          .onConflictDoUpdate({
            target: [records.kind, records.id],
            set: { mode: sql`excluded.mode`, data: sql`excluded.data` },
            setWhere: viewOwner === undefined ? undefined : eq(records.owner, viewOwner),
          })
          .returning({ kind: records.kind, id: records.id }),
      );
      const written = new Set(rows.map((row) => pendingKey(row.kind as Kind, row.id)));
      const refused = group.find((entry) => !written.has(pendingKey(entry.kind, entry.record.id)));
      // An existing record of another owner was not replaced: the section fails and is rolled back.
      if (refused) throw new Error(`Sandbox ${refused.kind} ${refused.record.id} belongs to another owner`);
    }
  }

  async exclusive<T>(scope: string, work: (store: SandboxStore) => Promise<T>): Promise<T> {
    if (this.connection.inTransaction) return work(this);
    // In this process, sections of one scope queue before taking a pooled connection; across processes,
    // the transaction's advisory lock on (the sandbox's class, the scope's hash) does the same.
    return this.lock.run(scope, () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SANDBOX_LOCK_CLASS}, hashtext(${scope}))`);
        const connection: Connection = { executor: tx, inTransaction: true, tail: Promise.resolve(), stamp: this.clock(), pending: new Map() };
        const section = this.view({ connection });
        const result = await work(section);
        await section.flush();
        return result;
      }),
    );
  }

  async claimDueDeliveries(claim: DeliveryClaim): Promise<DeliveryRecord[]> {
    const rows = await this.run((x) => {
      const due = x
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.status, 'pending'),
            lte(deliveries.nextAttemptAt, claim.now),
            or(isNull(deliveries.claimedUntil), lt(deliveries.claimedUntil, claim.now)),
            claim.only === undefined || claim.first === undefined
              ? undefined
              : claim.only === 'first'
                ? eq(deliveries.owner, claim.first)
                : ne(deliveries.owner, claim.first),
          ),
        )
        .orderBy(
          ...(claim.first === undefined ? [] : [sql`case when ${deliveries.owner} = ${claim.first} then 0 else 1 end`]),
          asc(deliveries.nextAttemptAt),
        )
        .limit(claim.limit)
        .for('update', { skipLocked: true });
      return x
        .update(deliveries)
        .set({ claimedUntil: claim.now + claim.leaseMs, claimedBy: claim.owner })
        .where(inArray(deliveries.id, due))
        .returning();
    });
    // RETURNING keeps no order: the claimed ones are handed out in the order they were chosen in.
    rows.sort(claimOrder(claim, (row: DeliveryRow) => row.owner, (row) => row.nextAttemptAt ?? 0));
    return rows.map(toDelivery);
  }

  async nextPendingDeliveryAt(): Promise<number | undefined> {
    const [row] = await this.run((x) =>
      x
        .select({ at: deliveries.nextAttemptAt })
        .from(deliveries)
        .where(eq(deliveries.status, 'pending'))
        .orderBy(asc(deliveries.nextAttemptAt))
        .limit(1),
    );
    return row ? (row.at ?? 0) : undefined;
  }

  async expiredAuthorizations(now: number): Promise<{ id: string; owner: string }[]> {
    await this.flush();
    return this.run((x) =>
      x
        .select({ id: records.id, owner: records.owner })
        .from(records)
        .where(
          and(
            eq(records.kind, 'order'),
            sql`${records.data}->>'status' = 'requires_capture'`,
            sql`(${records.data}->>'expiresAt')::bigint <= ${now}`,
          ),
        ),
    );
  }

  /** Plain DELETEs in one transaction; a process that finds another one purging leaves it the work. */
  async purge({ before, keepEndpointsOf }: PurgeRequest): Promise<PurgeCounts | undefined> {
    return this.db.transaction(async (tx) => {
      const [lock] = rowsOf<{ locked: boolean }>(
        await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${sql.raw(String(PURGE_LOCK_KEY))}) AS locked`),
      );
      if (!lock?.locked) return undefined;
      const deleted = async (statement: SQL) => {
        const [row] = rowsOf<{ n: number | string }>(
          await tx.execute(sql`WITH gone AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM gone`),
        );
        return Number(row?.n ?? 0);
      };
      const kept =
        keepEndpointsOf === undefined
          ? sql`false`
          : sql`(${records.kind} = 'webhookEndpoint' AND ${records.owner} = ${keepEndpointsOf})`;
      return {
        records: await deleted(sql`DELETE FROM ${records} WHERE ${records.createdAt} < ${before} AND NOT ${kept}`),
        deliveries: await deleted(sql`DELETE FROM ${deliveries} WHERE ${deliveries.createdAt} < ${before}`),
        idempotency: await deleted(sql`DELETE FROM ${sandboxIdempotency} WHERE ${sandboxIdempotency.createdAt} < ${before}`),
        rateLimits: await deleted(
          sql`DELETE FROM ${sandboxRateLimits} WHERE ${sandboxRateLimits.expire} < to_timestamp(${before / 1000})`,
        ),
      };
    });
  }
}
