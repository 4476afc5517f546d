/**
 * The public demo keeps visitors' data only for a while (DEMO_RETENTION_HOURS): each instance purges what
 * is older, now and then every quarter of the retention (at least every second, at most every 10 minutes).
 * The shop purges its orders (lib/orders/purge.ts), the sandbox its objects; both on this timer.
 */

const HOUR_MS = 3_600_000;

export const purgeIntervalMs = (retentionHours: number) => Math.max(1_000, Math.min((retentionHours * HOUR_MS) / 4, 10 * 60_000));

/**
 * Runs `purge(cutoff)` at once and then periodically, on an unref'd timer (it never keeps the process
 * alive); a failure is logged (`[name] <what> failed`) and the next run goes ahead. Returns a function that
 * stops it.
 */
export function schedulePurge(name: string, retentionHours: number, purge: (cutoff: Date) => Promise<void>, what = 'purge'): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    await purge(new Date(Date.now() - retentionHours * HOUR_MS)).catch((error: unknown) => console.error(`[${name}] ${what} failed`, error));
    if (stopped) return;
    timer = setTimeout(() => void tick(), purgeIntervalMs(retentionHours));
    timer.unref?.();
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
