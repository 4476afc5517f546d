import { KeyedLock } from './lock';
import { claimOrder, claimTakes, matchesQuery, type DeliveryClaim, type IdempotencyEntry, type PurgeCounts, type PurgeRequest, type RecordQuery, type SandboxStore } from './store';
import type { DeliveryRecord, Kind, RecordMap } from './records';

interface Row {
  owner: string;
  /** The store's clock when the record was first put. */
  createdAt: number;
  value: unknown;
}

interface State {
  tables: Map<Kind, Map<string, Row>>;
  idempotency: Map<string, IdempotencyEntry>;
  /** Delivery id → claim end (ms). */
  claims: Map<string, number>;
  lock: KeyedLock;
  clock: () => number;
}

/** Owner of records put through the store itself rather than an owner's view (only tests do that). */
const NO_OWNER = '';

/**
 * In-memory store; values are copied in and out so callers never share objects with it. Views (an
 * owner's, an exclusive section's) share the state of the store they come from.
 */
export class MemoryStore implements SandboxStore {
  private readonly state: State;
  private readonly owner: string | undefined = undefined;
  /** Creation time of records put in the current exclusive section. */
  private readonly stamp: number | undefined = undefined;
  private readonly inSection: boolean = false;

  constructor(options: { clock?: () => number } = {}) {
    this.state = { tables: new Map(), idempotency: new Map(), claims: new Map(), lock: new KeyedLock(), clock: options.clock ?? Date.now };
  }

  private view(changes: { owner?: string; stamp?: number; inSection?: boolean }): MemoryStore {
    return Object.assign(Object.create(MemoryStore.prototype) as MemoryStore, this, changes);
  }

  private table(kind: Kind): Map<string, Row> {
    let table = this.state.tables.get(kind);
    if (!table) {
      table = new Map();
      this.state.tables.set(kind, table);
    }
    return table;
  }

  private visible(row: Row | undefined): row is Row {
    return row !== undefined && (this.owner === undefined || row.owner === this.owner);
  }

  forOwner(owner: string): SandboxStore {
    return this.view({ owner });
  }

  async ownerOf(kind: Kind, id: string): Promise<string | undefined> {
    return this.table(kind).get(id)?.owner;
  }

  async get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined> {
    const row = this.table(kind).get(id);
    return this.visible(row) ? (structuredClone(row.value) as RecordMap[K]) : undefined;
  }

  async put<K extends Kind>(kind: K, record: RecordMap[K]): Promise<void> {
    const table = this.table(kind);
    const existing = table.get(record.id);
    if (existing && this.owner !== undefined && existing.owner !== this.owner) {
      throw new Error(`Sandbox ${kind} ${record.id} belongs to another owner`);
    }
    table.set(record.id, {
      owner: existing?.owner ?? this.owner ?? NO_OWNER,
      createdAt: existing?.createdAt ?? this.stamp ?? this.state.clock(),
      value: structuredClone(record),
    });
    if (kind === 'delivery') this.state.claims.delete(record.id);
  }

  async delete(kind: Kind, id: string): Promise<void> {
    const table = this.table(kind);
    if (this.visible(table.get(id))) table.delete(id);
  }

  async list<K extends Kind>(kind: K): Promise<RecordMap[K][]> {
    return this.visibleValues(kind, () => true);
  }

  async find<K extends Kind>(kind: K, query: RecordQuery<K>): Promise<RecordMap[K][]> {
    return this.visibleValues(kind, (value) => matchesQuery(value, query));
  }

  /** Copies of this view's records of `kind` that `keep` accepts, newest first. */
  private visibleValues<K extends Kind>(kind: K, keep: (value: unknown) => boolean): RecordMap[K][] {
    return [...this.table(kind).values()]
      .filter((row) => this.visible(row) && keep(row.value))
      .reverse()
      .map((row) => structuredClone(row.value) as RecordMap[K]);
  }

  async getIdempotency(key: string): Promise<IdempotencyEntry | undefined> {
    const entry = this.state.idempotency.get(key);
    return entry && { ...entry };
  }

  async putIdempotency(key: string, entry: IdempotencyEntry): Promise<void> {
    this.state.idempotency.set(key, { ...entry });
  }

  async exclusive<T>(scope: string, work: (store: SandboxStore) => Promise<T>): Promise<T> {
    if (this.inSection) return work(this);
    return this.state.lock.run(scope, () => work(this.view({ inSection: true, stamp: this.state.clock() })));
  }

  async claimDueDeliveries(claim: DeliveryClaim): Promise<DeliveryRecord[]> {
    const claimed: DeliveryRecord[] = [];
    const rows = [...this.table('delivery').values()].sort(
      claimOrder(claim, (row: Row) => row.owner, (row) => (row.value as DeliveryRecord).nextAttemptAt ?? 0),
    );
    for (const row of rows) {
      if (claimed.length >= claim.limit) break;
      const delivery = row.value as DeliveryRecord;
      if (delivery.state !== 'pending' || (delivery.nextAttemptAt ?? 0) > claim.now || !claimTakes(claim, row.owner)) continue;
      if ((this.state.claims.get(delivery.id) ?? 0) > claim.now) continue;
      this.state.claims.set(delivery.id, claim.now + claim.leaseMs);
      claimed.push(structuredClone(delivery));
    }
    return claimed;
  }

  async nextPendingDeliveryAt(): Promise<number | undefined> {
    let earliest: number | undefined;
    for (const row of this.table('delivery').values()) {
      const delivery = row.value as DeliveryRecord;
      if (delivery.state !== 'pending') continue;
      const at = delivery.nextAttemptAt ?? 0;
      if (earliest === undefined || at < earliest) earliest = at;
    }
    return earliest;
  }

  async expiredAuthorizations(now: number): Promise<{ id: string; owner: string }[]> {
    const due: { id: string; owner: string }[] = [];
    for (const [id, row] of this.table('order')) {
      const order = row.value as RecordMap['order'];
      if (order.status === 'requires_capture' && order.expiresAt !== undefined && order.expiresAt <= now) due.push({ id, owner: row.owner });
    }
    return due;
  }

  async purge({ before, keepEndpointsOf }: PurgeRequest): Promise<PurgeCounts> {
    const counts: PurgeCounts = { records: 0, deliveries: 0, idempotency: 0, rateLimits: 0 };
    for (const [kind, table] of this.state.tables) {
      for (const [id, row] of table) {
        const createdAt = kind === 'delivery' ? (row.value as DeliveryRecord).createdAt : row.createdAt;
        if (createdAt >= before || (kind === 'webhookEndpoint' && row.owner === keepEndpointsOf)) continue;
        table.delete(id);
        if (kind === 'delivery') {
          this.state.claims.delete(id);
          counts.deliveries += 1;
        } else {
          counts.records += 1;
        }
      }
    }
    for (const [key, entry] of this.state.idempotency) {
      if (entry.createdAt >= before) continue;
      this.state.idempotency.delete(key);
      counts.idempotency += 1;
    }
    return counts;
  }
}
