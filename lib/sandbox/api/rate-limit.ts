import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '@/lib/db/client';
import { addressGroup } from '@/lib/http/address-group';
import { sandboxRateLimits } from '../store/db-schema';

/**
 * The API's rate limits: `callsPerMinute` per API key (its owner digest), and as many per client
 * address for every key but the shop's own, since anyone can invent keys; for those keys also
 * `writesPerDay` calls that may store something (POST, PUT, PATCH, DELETE) per client address in 24 hours,
 * since what they store is kept for a day. Counters of the database limiter are rows of
 * `sandbox_rate_limits`, shared by every process on the database.
 */

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface ApiCall {
  /** Owner digest of the API key (owner.ts). */
  owner: string;
  /** Client address (lib/http/client-ip.ts). */
  ip: string;
  /** The shop's own key: counted per key only. */
  shop: boolean;
  /** A call that may store something (POST, PUT, PATCH, DELETE). */
  write: boolean;
}

/** The methods whose calls count against `writesPerDay`. */
export const isWrite = (method: string) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());

export interface SandboxRateLimiter {
  /** Counts one call; over a limit, answers when to try again. */
  take(call: ApiCall): Promise<Verdict>;
}

const WINDOW_SECONDS = 60;
const DAY_SECONDS = 24 * 60 * 60;

/** Addresses are kept as digests; IPv6 ones are counted by their /64 (lib/http/address-group.ts). */
const digest = (ip: string) => createHash('sha256').update(addressGroup(ip)).digest('hex').slice(0, 32);

async function consume(limiter: RateLimiterAbstract, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

class PerKeyAndAddress implements SandboxRateLimiter {
  constructor(
    private readonly perKey: RateLimiterAbstract,
    private readonly perAddress: RateLimiterAbstract,
    private readonly writesPerAddress: RateLimiterAbstract,
  ) {}

  async take(call: ApiCall): Promise<Verdict> {
    const byKey = await consume(this.perKey, call.owner);
    if (!byKey.allowed || call.shop) return byKey;
    const byAddress = await consume(this.perAddress, digest(call.ip));
    if (!byAddress.allowed || !call.write) return byAddress;
    return consume(this.writesPerAddress, digest(call.ip));
  }
}

/** Counters in the database: one limit for every process sharing it. */
export function databaseRateLimiter(database: Database, callsPerMinute: number, writesPerDay: number): SandboxRateLimiter {
  const limiter = (keyPrefix: string, points: number, duration: number, clearExpiredByTimeout: boolean) =>
    new RateLimiterDrizzle({
      storeClient: database,
      schema: sandboxRateLimits,
      keyPrefix,
      points,
      duration,
      // Once over the limit, a caller is refused from memory until its window ends (no query per refused call).
      inMemoryBlockOnConsumed: points + 1,
      // One of them deletes expired counters every few minutes for all.
      clearExpiredByTimeout,
    });
  return new PerKeyAndAddress(
    limiter('sandbox-key', callsPerMinute, WINDOW_SECONDS, true),
    limiter('sandbox-ip', callsPerMinute, WINDOW_SECONDS, false),
    limiter('sandbox-ip-writes', writesPerDay, DAY_SECONDS, false),
  );
}

/** Counters in process memory (unit tests). */
export function memoryRateLimiter(callsPerMinute: number, writesPerDay = Number.MAX_SAFE_INTEGER): SandboxRateLimiter {
  const limiter = (keyPrefix: string, points: number, duration: number) => new RateLimiterMemory({ keyPrefix, points, duration });
  return new PerKeyAndAddress(
    limiter('sandbox-key', callsPerMinute, WINDOW_SECONDS),
    limiter('sandbox-ip', callsPerMinute, WINDOW_SECONDS),
    limiter('sandbox-ip-writes', writesPerDay, DAY_SECONDS),
  );
}
