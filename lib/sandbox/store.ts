import type { Kind, RecordMap } from './types';

/** A stored response for one idempotency key (scoped by API key). */
export interface IdempotencyEntry {
  fingerprint: string;
  status: number;
  body: string;
  createdAt: number;
}

/**
 * Where the sandbox keeps its state. Async so a database-backed store can replace the in-memory one.
 * `list` returns records newest first (reverse insertion order; updates keep a record's place).
 */
export interface SandboxStore {
  get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined>;
  put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void>;
  delete(kind: Kind, id: string): Promise<void>;
  list<K extends Kind>(kind: K): Promise<RecordMap[K][]>;
  getIdempotency(key: string): Promise<IdempotencyEntry | undefined>;
  putIdempotency(key: string, entry: IdempotencyEntry): Promise<void>;
}
