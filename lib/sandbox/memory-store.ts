import type { IdempotencyEntry, SandboxStore } from './store';
import type { Kind, RecordMap } from './types';

/** In-memory store; values are copied in and out so callers never share objects with it. */
export class MemoryStore implements SandboxStore {
  private readonly tables = new Map<Kind, Map<string, unknown>>();
  private readonly idempotency = new Map<string, IdempotencyEntry>();

  private table(kind: Kind): Map<string, unknown> {
    let table = this.tables.get(kind);
    if (!table) {
      table = new Map();
      this.tables.set(kind, table);
    }
    return table;
  }

  async get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined> {
    const value = this.table(kind).get(id);
    return value === undefined ? undefined : (structuredClone(value) as RecordMap[K]);
  }

  async put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void> {
    this.table(kind).set(record.id, structuredClone(record));
  }

  async delete(kind: Kind, id: string): Promise<void> {
    this.table(kind).delete(id);
  }

  async list<K extends Kind>(kind: K): Promise<RecordMap[K][]> {
    return [...this.table(kind).values()].reverse().map((value) => structuredClone(value) as RecordMap[K]);
  }

  async getIdempotency(key: string): Promise<IdempotencyEntry | undefined> {
    const entry = this.idempotency.get(key);
    return entry && { ...entry };
  }

  async putIdempotency(key: string, entry: IdempotencyEntry): Promise<void> {
    this.idempotency.set(key, { ...entry });
  }
}
