import type { DeliveryRecord, Kind, RecordMap } from './records';

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
