import { createHash } from 'node:crypto';
import { ApiError } from './errors';
import type { SandboxStore } from '../store/store';

/** Smartpay keeps idempotency keys for 6 hours from first receipt. */
export const IDEMPOTENCY_WINDOW_MS = 6 * 60 * 60 * 1000;
export const REPLAY_HEADER = 'Idempotency-Replayed';

export interface StoredAnswer {
  status: number;
  body: string;
  /** `Sandbox-Warning` headers of the first answer (not kept: a replay has none). */
  warnings?: string[];
  /**
   * `false` for a request that failed validation: nothing ran, so nothing is kept and the key stays free
   * (as Stripe documents for its idempotency keys; Smartpay documents nothing on this).
   */
  keep?: boolean;
}

/** JSON text with object keys sorted, so bodies that differ only in key order count as the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');
}

/**
 * Runs `work` once per (owner of the API key, Idempotency-Key). Call it inside the store's exclusive section (with
 * that section's store), so requests with one key are serialized across processes; a repeat
 * with the same method, path and body gets the first answer back; a different request is refused
 * with 409 `idempotency-key.reused`. Not kept: answers of 500 and above (the request may be retried) and
 * validation failures (`keep: false`, the request never ran: "results are only saved if an API endpoint
 * started executing", https://docs.stripe.com/api/idempotent_requests), so a corrected body may use the key.
 */
export async function withIdempotency(
  deps: { store: SandboxStore; now(): number },
  scope: { owner: string; key: string; fingerprint: string },
  work: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  const storeKey = `${scope.owner}:${scope.key}`;
  const existing = await deps.store.getIdempotency(storeKey);
  if (existing && deps.now() - existing.createdAt < IDEMPOTENCY_WINDOW_MS) {
    if (existing.fingerprint !== scope.fingerprint) {
      throw new ApiError(
        409,
        'idempotency-key.reused',
        'This Idempotency-Key was already used with a different request; use a new key for a new request',
        [{ path: 'Idempotency-Key', message: 'was used with a different method, path or body' }],
      );
    }
    return { status: existing.status, body: existing.body, replayed: true };
  }
  const answer = await work();
  if (answer.status < 500 && answer.keep !== false) {
    await deps.store.putIdempotency(storeKey, {
      status: answer.status,
      body: answer.body,
      fingerprint: scope.fingerprint,
      createdAt: deps.now(),
    });
  }
  return { ...answer, replayed: false };
}
