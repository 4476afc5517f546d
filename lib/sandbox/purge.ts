import type { Sandbox } from './sandbox';

/**
 * The public demo keeps no visitor's data for long: every `min(retention / 4, 10 min)` (and once at
 * start) each instance asks to delete what is older than the retention. The DELETEs are safe side by
 * side; when several instances ask at once, one does the work (see `DbStore.purge`).
 */

const MAX_INTERVAL_MS = 10 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export const purgeIntervalMs = (retentionHours: number) => Math.min((retentionHours * HOUR_MS) / 4, MAX_INTERVAL_MS);

/** Deletes what is older than `retentionHours` and logs how many rows went. */
export async function purgeOld(sandbox: Sandbox, retentionHours: number, now = Date.now()): Promise<void> {
  const counts = await sandbox.purge(now - retentionHours * HOUR_MS);
  if (!counts) return;
  const total = counts.records + counts.deliveries + counts.idempotency + counts.rateLimits;
  if (total === 0) return;
  console.log(
    `[sandbox] purged ${total} rows older than ${retentionHours} h: ${counts.records} records, ${counts.deliveries} webhook deliveries, ` +
      `${counts.idempotency} idempotency entries, ${counts.rateLimits} rate-limit counters`,
  );
}

/** Purges now and then periodically, on an unref'd timer; returns a function that stops it. */
export function startDemoPurge(sandbox: Sandbox, retentionHours: number): () => void {
  const run = () =>
    purgeOld(sandbox, retentionHours).catch((error: unknown) => console.error('[sandbox] purge of demo data failed', error));
  void run();
  const timer = setInterval(() => void run(), purgeIntervalMs(retentionHours));
  timer.unref?.();
  return () => clearInterval(timer);
}
