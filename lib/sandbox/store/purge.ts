import { schedulePurge } from '@/lib/retention';
import type { Sandbox } from '../sandbox';

/**
 * The public demo keeps no visitor's data for long: on the timer of lib/retention.ts each instance asks
 * to delete what is older than the retention. The DELETEs are safe side by side; when several instances
 * ask at once, one does the work (see `DbStore.purge`).
 */

const HOUR_MS = 60 * 60 * 1000;

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

/** Purges now and then periodically (lib/retention.ts); returns a function that stops it. */
export function startDemoPurge(sandbox: Sandbox, retentionHours: number): () => void {
  return schedulePurge('sandbox', retentionHours, () => purgeOld(sandbox, retentionHours));
}
