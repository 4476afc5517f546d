import { afterEach, describe, expect, it, vi } from 'vitest';
import { purgeIntervalMs, schedulePurge } from '@/lib/retention';

afterEach(() => {
  vi.useRealTimers();
});

describe('the public demo’s purge timer', () => {
  it('runs every quarter of the retention, between a second and ten minutes', () => {
    expect(purgeIntervalMs(24)).toBe(10 * 60_000);
    expect(purgeIntervalMs(0.5)).toBe(7.5 * 60_000);
    expect(purgeIntervalMs(0.01)).toBe(9_000);
    expect(purgeIntervalMs(0.0001)).toBe(1_000);
  });

  it('purges at once with the cutoff of the retention, again after each interval, and survives a failure', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 26, 12) });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cutoffs: Date[] = [];
    let failOnce = true;
    const stop = schedulePurge('test', 1, async (cutoff) => {
      cutoffs.push(cutoff);
      if (failOnce) {
        failOnce = false;
        throw new Error('database away');
      }
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(cutoffs.map((c) => c.toISOString())).toEqual(['2026-11-26T11:00:00.000Z']);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(cutoffs).toHaveLength(2);
    stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(cutoffs).toHaveLength(2);
    expect(error).toHaveBeenCalledWith('[test] purge failed', expect.any(Error));
    error.mockRestore();
  });
});
