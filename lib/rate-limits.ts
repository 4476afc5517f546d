import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';
import { addressGroup } from '@/lib/http/address-group';
import { db, type Database } from '@/lib/db/client';
import { preparedFor } from '@/lib/db/prepared';
import { rateLimits } from '@/lib/db/schema';

/**
 * The shop's rate limits, counted in the database (rate-limiter-flexible's Drizzle store, table
 * rate_limits) so several instances share them:
 * - checkout submissions per browser and per client address, in 10 minutes;
 * - failed merchant sign-ins per client address: 5 are free, then each further one blocks the address for
 *   twice as long as the one before (1 s, 2 s, 4 s … up to 15 minutes), and every failure is logged;
 * - asking Smartpay for the status of an unsettled order: at most once every few seconds per order,
 *   whoever asks (the return page, its status polls, several tabs, several instances), at most
 *   RECHECK_LIMIT_PER_IP times a minute per client address over all orders, and at most RECHECK_LIMIT_TOTAL
 *   times a minute over all addresses, so that strangers with many addresses cannot spend the Smartpay
 *   key's whole rate limit on re-checks: the rest stays for checkouts, webhooks and the merchant;
 * - the public demo's visitors' capture, cancel and refund actions on their own orders, per client address.
 */

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const CHECKOUT_WINDOW_SECONDS = 10 * 60;
const FREE_SIGN_IN_FAILURES = 5;
const MAX_SIGN_IN_BLOCK_SECONDS = 15 * 60;
export const RECHECK_INTERVAL_SECONDS = 3;
/**
 * Re-checks with Smartpay that one client address may cause in a minute, over all orders, unless
 * RECHECK_LIMIT_PER_IP says otherwise: a shopper's page polling one order every few seconds needs 20;
 * someone polling many orders of their own must not spend the shop's share of Smartpay's rate limit, on
 * which every checkout depends.
 */
export const RECHECKS_PER_ADDRESS_PER_MINUTE = 60;
/** Capture, cancel and refund actions of the public demo's visitors per address in 10 minutes, unless DEMO_ACTION_LIMIT_PER_IP says otherwise. */
export const DEMO_ACTIONS_PER_ADDRESS = 30;

/** Client addresses are counted under a digest, not kept as they are; IPv6 ones by their /64 (lib/http/address-group.ts). */
const addressKey = (ip: string) => createHash('sha256').update(`address:${addressGroup(ip)}`).digest('hex').slice(0, 32);

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Consumes one point; a RateLimiterRes rejection is the limit, anything else a real error. */
async function consume(limiter: RateLimiterDrizzle, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
    throw rejection;
  }
}

/**
 * The store's one statement that every consumed point runs (the upsert of rate-limiter-flexible's
 * RateLimiterDrizzle, written the same), prepared once per database (lib/db/prepared.ts) instead of built by
 * Drizzle on each call: each checkout consumes two points. All values are placeholders, as text cast in SQL.
 */
function prepareUpsert(database: Database) {
  const value = sql.placeholder;
  const expired = sql`${rateLimits.expire} <= ${value('now')}::timestamptz`;
  return database
    .insert(rateLimits)
    .values({ key: sql`${value('key')}::text`, points: sql`${value('points')}::integer`, expire: sql`${value('expire')}::timestamptz` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${expired} then ${value('points')}::integer else ${rateLimits.points} + ${value('points')}::integer end`,
        expire: sql`case when ${expired} then ${value('expire')}::timestamptz else ${rateLimits.expire} end`,
      },
    })
    .returning()
    .prepare('rate_limit_upsert');
}

/** RateLimiterDrizzle whose counting write (`_upsert`, the store method the library asks stores to implement) is the prepared statement above. */
class PreparedRateLimiterDrizzle extends RateLimiterDrizzle {
  private readonly upsert: ReturnType<typeof prepareUpsert>;

  constructor(options: ConstructorParameters<typeof RateLimiterDrizzle>[0] & { storeClient: Database }) {
    super(options);
    const database = options.storeClient;
    this.upsert = preparedFor(database, 'rate_limit_upsert', () => prepareUpsert(database));
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<unknown> {
    // Setting a counter outright (block, set) is rare: the library's own statement.
    if (forceExpire) return (RateLimiterDrizzle.prototype as unknown as { _upsert: PreparedRateLimiterDrizzle['_upsert'] })._upsert.call(this, key, points, msDuration, true);
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration).toISOString() : null;
    const [row] = await this.upsert.execute({ key, points, now: now.toISOString(), expire });
    return row;
  }
}

export class ShopLimits {
  private readonly checkoutsPerBrowser: RateLimiterDrizzle;
  private readonly checkoutsPerIp: RateLimiterDrizzle;
  private readonly signInFailures: RateLimiterDrizzle;
  private readonly signInBlocks: RateLimiterDrizzle;
  private readonly rechecks: RateLimiterDrizzle;
  private readonly rechecksPerAddress: RateLimiterDrizzle;
  private readonly rechecksInAll: { limiter: RateLimiterDrizzle; key: string } | undefined;
  private readonly firstRechecks: RateLimiterDrizzle;
  private readonly demoActions: RateLimiterDrizzle;

  constructor(
    database: Database,
    options: {
      checkoutsPerBrowser: number;
      checkoutsPerIp: number;
      recheckIntervalSeconds?: number;
      rechecksPerAddressPerMinute?: number;
      /** Re-checks a minute over all addresses, counted under `key` (the Smartpay key's digest); none when absent. */
      rechecksPerMinute?: { points: number; key: string };
      demoActionsPerIp?: number;
    },
  ) {
    const store = (keyPrefix: string, points: number, duration: number, clearExpiredByTimeout = false) =>
      new PreparedRateLimiterDrizzle({ storeClient: database, schema: rateLimits, keyPrefix, points, duration, clearExpiredByTimeout });
    // One of them deletes expired counters every few minutes for all.
    this.checkoutsPerBrowser = store('checkout-browser', options.checkoutsPerBrowser, CHECKOUT_WINDOW_SECONDS, true);
    this.checkoutsPerIp = store('checkout-ip', options.checkoutsPerIp, CHECKOUT_WINDOW_SECONDS);
    this.signInFailures = store('sign-in-failures', 1_000_000, 24 * 60 * 60);
    this.signInBlocks = store('sign-in-block', 1, 1);
    this.rechecks = store('order-recheck', 1, options.recheckIntervalSeconds ?? RECHECK_INTERVAL_SECONDS);
    this.demoActions = store('demo-action', options.demoActionsPerIp ?? DEMO_ACTIONS_PER_ADDRESS, CHECKOUT_WINDOW_SECONDS);
    this.rechecksPerAddress = store('order-recheck-address', options.rechecksPerAddressPerMinute ?? RECHECKS_PER_ADDRESS_PER_MINUTE, 60);
    this.firstRechecks = store('order-recheck-first', 1, 24 * 60 * 60);
    this.rechecksInAll = options.rechecksPerMinute && {
      limiter: store('order-recheck-total', options.rechecksPerMinute.points, 60),
      key: options.rechecksPerMinute.key,
    };
  }

  /**
   * One checkout submission of this browser (owner digest) from this address. Both counters are taken at
   * once (one round trip, not two, on every checkout); a submission the browser's own limit refuses is
   * given back to the address, so one browser over its limit does not use up the allowance of the others
   * behind the same address.
   */
  async checkout(browser: string, ip: string): Promise<Verdict> {
    const address = addressKey(ip);
    const [byBrowser, byAddress] = await Promise.all([consume(this.checkoutsPerBrowser, browser), consume(this.checkoutsPerIp, address)]);
    if (!byBrowser.allowed) {
      await this.checkoutsPerIp.reward(address, 1);
      return byBrowser;
    }
    return byAddress;
  }

  /** Whether this address may try to sign in now. */
  async signInAllowed(ip: string): Promise<Verdict> {
    const block = await this.signInBlocks.get(addressKey(ip));
    if (block && block.consumedPoints > 1 && block.msBeforeNext > 0) return { allowed: false, retryAfterSeconds: retryAfter(block) };
    return { allowed: true };
  }

  /** Records a failed sign-in; from the sixth failure in 24 hours the address is blocked, each time twice as long. */
  async signInFailed(ip: string): Promise<{ failures: number; blockedSeconds: number }> {
    const res = await this.signInFailures.penalty(addressKey(ip));
    const failures = res.consumedPoints;
    const over = failures - FREE_SIGN_IN_FAILURES;
    const blockedSeconds = over > 0 ? Math.min(2 ** (over - 1), MAX_SIGN_IN_BLOCK_SECONDS) : 0;
    if (blockedSeconds > 0) await this.signInBlocks.block(addressKey(ip), blockedSeconds);
    return { failures, blockedSeconds };
  }

  async signInSucceeded(ip: string): Promise<void> {
    await Promise.all([this.signInFailures.delete(addressKey(ip)), this.signInBlocks.delete(addressKey(ip))]);
  }

  /**
   * One capture, cancel or refund of a visitor of the public demo (on an order of their own browser), from
   * this address: each costs several calls with the shop's key, whose rate limit every checkout shares.
   */
  async demoAction(ip: string): Promise<Verdict> {
    return consume(this.demoActions, addressKey(ip));
  }

  /**
   * True for the one caller allowed to ask Smartpay about this order now, if its address has not used up
   * its re-checks of the minute, nor all addresses together theirs (then the order's turn is spent too:
   * nobody asks for the next few seconds). An order's first re-check, the shopper's return from Smartpay
   * that tells the page what happened there, never counts towards the total: a few addresses polling
   * must not leave every shopper's return page with a stale answer, and orders themselves are bounded by
   * the checkout limits.
   */
  async claimRecheck(orderId: string, ip: string): Promise<boolean> {
    if (!(await consume(this.rechecks, orderId)).allowed) return false;
    if (!(await consume(this.rechecksPerAddress, addressKey(ip))).allowed) return false;
    if (!this.rechecksInAll || (await consume(this.firstRechecks, orderId)).allowed) return true;
    return (await consume(this.rechecksInAll.limiter, this.rechecksInAll.key)).allowed;
  }
}

const GLOBAL_KEY = Symbol.for('smartpay-storefront.limits');
type WithLimits = typeof globalThis & { [GLOBAL_KEY]?: Promise<ShopLimits> };

/** The process's limits, on the shop's database. */
export function shopLimits(): Promise<ShopLimits> {
  const holder = globalThis as WithLimits;
  holder[GLOBAL_KEY] ??= db()
    .then((database) => {
      const { limits, smartpay } = getConfig();
      return new ShopLimits(database, {
        checkoutsPerBrowser: limits.checkoutsPerBrowser,
        checkoutsPerIp: limits.checkoutsPerIp,
        rechecksPerAddressPerMinute: limits.rechecksPerIpPerMinute,
        // Counted per Smartpay key: its rate limit is what the budget keeps a share of.
        rechecksPerMinute: {
          points: limits.rechecksPerMinute,
          key: createHash('sha256').update(`smartpay-key:${smartpay.secretKey ?? 'sandbox'}`).digest('hex').slice(0, 32),
        },
        demoActionsPerIp: limits.demoActionsPerIp,
      });
    })
    .catch((error: unknown) => {
      delete holder[GLOBAL_KEY];
      throw error;
    });
  return holder[GLOBAL_KEY];
}
