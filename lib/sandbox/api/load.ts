import { notFound } from './errors';
import { isIdOf, type IdKind } from '../store/ids';
import type { SandboxStore } from '../store/store';
import type { Mode, RecordMap } from '../store/records';

const RESOURCE_NAMES: Partial<Record<IdKind, string>> = {
  checkoutSession: 'checkout-session',
  order: 'order',
  payment: 'payment',
  refund: 'refund',
  token: 'token',
  webhookEndpoint: 'webhook-endpoint',
};

/** A record the caller's mode may see, or 404 `<resource>.not-found` (also for the other mode's objects). */
export async function loadForMode<K extends keyof RecordMap & IdKind>(
  store: SandboxStore,
  kind: K,
  id: string,
  mode: Mode,
): Promise<RecordMap[K]> {
  const record = isIdOf(kind, id) ? await store.get(kind, id) : undefined;
  if (!record || record.test !== (mode === 'test')) throw notFound(RESOURCE_NAMES[kind] ?? kind, id);
  return record;
}

/** Records of one kind visible to a mode, newest first. */
export async function listForMode<K extends keyof RecordMap>(store: SandboxStore, kind: K, mode: Mode) {
  return (await store.list(kind)).filter((record) => record.test === (mode === 'test'));
}
