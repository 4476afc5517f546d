import { KeyedLock } from './lock';
import type { DeliveryClaim, IdempotencyEntry, SandboxStore } from './store';
import type { DeliveryRecord, Kind, RecordMap } from './types';

/** In-memory store; values are copied in and out so callers never share objects with it. */
export class MemoryStore implements SandboxStore {
  private readonly tables = new Map<Kind, Map<string, unknown>>();
  private readonly idempotency = new Map<string, IdempotencyEntry>();
  /** Delivery id → claim end (ms). */
  private readonly claims = new Map<string, number>();
  private readonly lock = new KeyedLock();

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
    if (kind === 'delivery') this.claims.delete(record.id);
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

  async exclusive<T>(work: (store: SandboxStore) => Promise<T>): Promise<T> {
    return this.lock.run('state', () => work(this.insideExclusive()));
  }

  /** A view of this store whose `exclusive` runs inline (the section is already held). */
  private insideExclusive(): SandboxStore {
    const view = Object.create(this) as MemoryStore;
    view.exclusive = (work) => work(view);
    return view;
  }

  async claimDueDeliveries(claim: DeliveryClaim): Promise<DeliveryRecord[]> {
    const claimed: DeliveryRecord[] = [];
    for (const value of this.table('delivery').values()) {
      if (claimed.length >= claim.limit) break;
      const delivery = value as DeliveryRecord;
      if (delivery.state !== 'pending' || (delivery.nextAttemptAt ?? 0) > claim.now) continue;
      if ((this.claims.get(delivery.id) ?? 0) > claim.now) continue;
      this.claims.set(delivery.id, claim.now + claim.leaseMs);
      claimed.push(structuredClone(delivery));
    }
    return claimed;
  }

  async nextPendingDeliveryAt(): Promise<number | undefined> {
    let earliest: number | undefined;
    for (const value of this.table('delivery').values()) {
      const delivery = value as DeliveryRecord;
      if (delivery.state !== 'pending') continue;
      const at = delivery.nextAttemptAt ?? 0;
      if (earliest === undefined || at < earliest) earliest = at;
    }
    return earliest;
  }
}
