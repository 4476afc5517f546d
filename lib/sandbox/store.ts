import type { DeliveryRecord, Kind, RecordMap } from './types';

/** A stored response for one idempotency key (scoped by API key). */
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
}

/**
 * Where the sandbox keeps its state. Async so a database-backed store can replace the in-memory one.
 * `list` returns records newest first (reverse insertion order; updates keep a record's place).
 */
export interface SandboxStore {
  get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined>;
  /** Writing a delivery also releases any claim on it. */
  put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void>;
  delete(kind: Kind, id: string): Promise<void>;
  list<K extends Kind>(kind: K): Promise<RecordMap[K][]>;
  getIdempotency(key: string): Promise<IdempotencyEntry | undefined>;
  putIdempotency(key: string, entry: IdempotencyEntry): Promise<void>;
  /**
   * Runs `work` with a store whose reads and writes are serialized against every other exclusive
   * section sharing this state (across processes for a database store). Nested calls run inline.
   */
  exclusive<T>(work: (store: SandboxStore) => Promise<T>): Promise<T>;
  /** Marks up to `limit` pending, due and unclaimed deliveries as claimed by `owner`, and returns them. */
  claimDueDeliveries(claim: DeliveryClaim): Promise<DeliveryRecord[]>;
  /** The earliest `nextAttemptAt` of all pending deliveries (claimed or not), if any is pending. */
  nextPendingDeliveryAt(): Promise<number | undefined>;
}
