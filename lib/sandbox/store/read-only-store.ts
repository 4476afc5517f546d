import type { SandboxStore } from './store';

/** Thrown when work that ran without the exclusive section turns out to need a write. */
export class WriteNeeded extends Error {
  constructor() {
    super('This work writes and must run in the exclusive section');
    this.name = 'WriteNeeded';
  }
}

const refuse = async (): Promise<never> => {
  throw new WriteNeeded();
};

/**
 * A view of a store that reads without taking the exclusive section and refuses every write, so reads
 * (most of the API's traffic) run side by side; a read that turns out to write is run again inside the section.
 */
export function readOnlyView(store: SandboxStore): SandboxStore {
  return {
    forOwner: (owner) => readOnlyView(store.forOwner(owner)),
    ownerOf: (kind, id) => store.ownerOf(kind, id),
    get: (kind, id) => store.get(kind, id),
    list: (kind) => store.list(kind),
    find: (kind, query) => store.find(kind, query),
    getIdempotency: (key) => store.getIdempotency(key),
    nextPendingDeliveryAt: () => store.nextPendingDeliveryAt(),
    expiredAuthorizations: (now) => store.expiredAuthorizations(now),
    put: refuse,
    delete: refuse,
    putIdempotency: refuse,
    claimDueDeliveries: refuse,
    exclusive: refuse,
    purge: refuse,
  };
}
