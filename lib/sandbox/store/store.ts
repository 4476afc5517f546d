import type { DeliveryRecord, EventRecord, Kind, RecordMap } from './records';

/**
 * The fields a record can be found by besides its id (`SandboxStore.find`): the links from a checkout
 * session to everything that hangs off it, followed backwards. An event's `subject` is the id of the object
 * its data is (`eventData.data.id`).
 */
export interface RecordLinks {
  order: 'tokenId';
  refund: 'payment';
  event: 'subject';
  delivery: 'eventId';
}

export type LinkOf<K extends Kind> = 'id' | (K extends keyof RecordLinks ? RecordLinks[K] : never);

/** What `find` looks for: for each link named, the values it may have; a record matching any is found. */
export type RecordQuery<K extends Kind> = Partial<Record<LinkOf<K>, readonly string[]>>;

/** The value of `link` on `record`, for a store that matches in code. */
export function linkValue(record: unknown, link: string): string | undefined {
  const value =
    link === 'subject'
      ? ((record as EventRecord).eventData.data as { id?: unknown } | null)?.id
      : (record as Record<string, unknown>)[link];
  return typeof value === 'string' ? value : undefined;
}

/** Whether `record` matches `query` (any of its links). */
export function matchesQuery(record: unknown, query: Record<string, readonly string[] | undefined>): boolean {
  return Object.entries(query).some(([link, values]) => {
    const value = linkValue(record, link);
    return value !== undefined && values !== undefined && values.includes(value);
  });
}

/** A stored response for one idempotency key (scoped by the owner of the API key). */
export interface IdempotencyEntry {
  fingerprint: string;
  status: number;
  body: string;
  createdAt: number;
}

/** Which due deliveries a process takes, and until when no other process may take them. */
export interface DeliveryClaim {
  /** Wall-clock time (ms) deliveries must be due by. */
  now: number;
  /** The claim ends at `now + leaseMs` even if its holder never reports back. */
  leaseMs: number;
  owner: string;
  limit: number;
  /**
   * Deliveries of this record owner (an API key's digest) are claimed before any other's, due ones in
   * `nextAttemptAt` order within each group: the shop's own webhooks do not wait behind a stranger's.
   */
  first?: string;
  /** Only `first`'s deliveries (`'first'`), or only everyone else's (`'others'`); both when absent. */
  only?: 'first' | 'others';
}

/** Whether a delivery of record owner `owner` may be taken by `claim` (see `DeliveryClaim.only`). */
export function claimTakes(claim: Pick<DeliveryClaim, 'first' | 'only'>, owner: string): boolean {
  if (claim.only === undefined || claim.first === undefined) return true;
  return (owner === claim.first) === (claim.only === 'first');
}

/**
 * The order of a claim (see `first`), for a store that sorts in code: `first`'s deliveries ahead of the
 * others, each group by when it is due. The database store's query orders the same way in SQL.
 */
export function claimOrder<T>(claim: Pick<DeliveryClaim, 'first'>, owner: (item: T) => string, due: (item: T) => number): (a: T, b: T) => number {
  const group = (item: T) => (claim.first !== undefined && owner(item) === claim.first ? 0 : 1);
  return (a, b) => group(a) - group(b) || due(a) - due(b);
}

/** What a purge deleted. */
export interface PurgeCounts {
  records: number;
  deliveries: number;
  idempotency: number;
  rateLimits: number;
}

export interface PurgeRequest {
  /** Everything created before this time (epoch ms) goes. */
  before: number;
  /** Webhook endpoints of this owner are kept whatever their age (the shop's own endpoint). */
  keepEndpointsOf?: string;
}

/**
 * Where the sandbox keeps its state. Async so a database-backed store can replace the in-memory one.
 * `list` returns records newest first (reverse insertion order; updates keep a record's place).
 * A record's creation time (for `purge`) is the store's clock when it is first put; every record put
 * in one exclusive section gets the section's time, so a purge never splits what one request created.
 * Deliveries are purged by their own `createdAt`.
 */
export interface SandboxStore {
  /**
   * A view that sees only `owner`'s records: `get`, `list` and `delete` ignore every other owner's, and
   * `put` stamps `owner` on a new record (an existing record keeps its owner). Idempotency entries,
   * delivery claims and `exclusive` are shared. The store itself sees every owner's records.
   */
  forOwner(owner: string): SandboxStore;
  /** The owner of a stored record, whoever asks. */
  ownerOf(kind: Kind, id: string): Promise<string | undefined>;
  get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined>;
  /** Writing a delivery also releases any claim on it. */
  put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void>;
  delete(kind: Kind, id: string): Promise<void>;
  list<K extends Kind>(kind: K): Promise<RecordMap[K][]>;
  /**
   * The records of `kind` whose id or link (`RecordLinks`) has one of the values given for it, newest first
   * as in `list`: a few records read without reading the rest (the database store has an index per link).
   */
  find<K extends Kind>(kind: K, query: RecordQuery<K>): Promise<RecordMap[K][]>;
  getIdempotency(key: string): Promise<IdempotencyEntry | undefined>;
  putIdempotency(key: string, entry: IdempotencyEntry): Promise<void>;
  /**
   * Runs `work` with a store whose reads and writes are serialized against every other exclusive
   * section of the same `scope` sharing this state (across processes for a database store). The sandbox's
   * scope is the owner (an API key's digest): one merchant's requests run one at a time, different
   * merchants' side by side, since no section touches another owner's records. Nested calls run inline.
   */
  exclusive<T>(scope: string, work: (store: SandboxStore) => Promise<T>): Promise<T>;
  /** Marks up to `limit` pending, due and unclaimed deliveries as claimed by `owner`, and returns them. */
  claimDueDeliveries(claim: DeliveryClaim): Promise<DeliveryRecord[]>;
  /** The earliest `nextAttemptAt` of all pending deliveries (claimed or not), if any is pending. */
  nextPendingDeliveryAt(): Promise<number | undefined>;
  /**
   * Orders of every owner still `requires_capture` whose `expiresAt` is at or before `now` (sandbox time),
   * with their owners: the candidates of the background expiry, which re-reads each in an exclusive section.
   */
  expiredAuthorizations(now: number): Promise<{ id: string; owner: string }[]>;
  /**
   * Deletes records, deliveries and idempotency entries created before `before`, and rate-limit counters
   * whose window ended before it. Answers `undefined` when another process is purging at that moment.
   */
  purge(request: PurgeRequest): Promise<PurgeCounts | undefined>;
}
