import { clientIp } from '@/lib/http/client-ip';
import { hasBody, readJsonBody, requireObjectBody } from './api/body';
import { authenticate } from './api/auth';
import type { SandboxCore } from './api/handler';
import { ApiError, errorResponse } from './api/errors';
import { newEvent } from './webhooks/events';
import {
  completeCheckout,
  getCheckoutView,
  type CheckoutOutcome,
  type CheckoutResult,
  type CheckoutView,
} from './hosted-page/order-session';
import { fingerprint, REPLAY_HEADER, withIdempotency, type StoredAnswer } from './api/idempotency';
import { isIdOf } from './store/ids';
import { handleShopperRequest, matchShopperRoute, type ShopperPipeline } from './api/consumer-api';
import { MemoryStore } from './store/memory-store';
import { expireIfDue } from './resources/orders';
import { ownerOf } from './store/owner';
import { isWrite, type SandboxRateLimiter } from './api/rate-limit';
import { readOnlyView, WriteNeeded } from './store/read-only-store';
import { matchRoute } from './api/router';
import { applySimulation, DEFAULT_SLOW_MS } from './api/simulate';
import type { PurgeCounts, SandboxStore } from './store/store';
import type { RecordMap } from './store/records';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_RETRY_DELAYS_MS, enqueueDeliveries, WebhookDispatcher } from './webhooks/delivery';
import { newWebhookEndpoint } from './resources/webhook-endpoints';
import { readBrowserSnapshot } from './dashboard/view';

/** The path every API route lives under, on the shop's own origin. */
export const API_PREFIX = '/sandbox/v1';
/** The shop's webhook route, registered automatically on every new sandbox. */
export const SHOP_WEBHOOK_PATH = '/api/webhooks/smartpay';

export interface SandboxOptions {
  /** Public origin of the shop (no trailing slash); hosted checkout URLs and the shop webhook are built from it. */
  appUrl: string;
  /** Signing secret of the shop's own webhook endpoint. */
  webhookSecret: string;
  /** The shop's own API key: its webhook endpoint belongs to this key, whose calls are limited per key only. */
  shopApiKey: string;
  /** When set, success, cancel and webhook URLs must be on this origin (url-rule.ts); unset: any http(s) URL. */
  allowedOrigin?: string;
  /** Limits of the API (rate-limit.ts); unset: none. */
  rateLimiter?: SandboxRateLimiter;
  /** Reverse proxies in front that append to X-Forwarded-For, for the per-address limit (default 1). */
  trustedProxyCount?: number;
  now?: () => number;
  fetch?: typeof fetch;
  deliveryRetryDelaysMs?: number[];
  /** How often to look for due webhook deliveries (ms); 0 polls only after changes and in `flushDeliveries`. */
  deliveryPollIntervalMs?: number;
  /** How long the `slow` failure scenario waits before the request goes on (default 15 s; the shop passes SANDBOX_SLOW_MS). */
  slowMs?: number;
  /**
   * How often to look for authorizations past their hold (ms, default 1000); they are canceled then. No timer
   * when `deliveryPollIntervalMs` is 0 (then only `expireAuthorizations()` does it).
   */
  expiryPollIntervalMs?: number;
  store?: SandboxStore;
}

export interface SandboxSnapshot {
  checkoutSessions: RecordMap['checkoutSession'][];
  orders: RecordMap['order'][];
  payments: RecordMap['payment'][];
  refunds: RecordMap['refund'][];
  tokens: RecordMap['token'][];
  events: RecordMap['event'][];
  deliveries: RecordMap['delivery'][];
  webhookEndpoints: RecordMap['webhookEndpoint'][];
  coupons: RecordMap['coupon'][];
  promotionCodes: RecordMap['promotionCode'][];
}

export interface Sandbox {
  /** Answers one request to the API (path prefix `/sandbox/v1`). */
  handle(request: Request): Promise<Response>;
  /** The hosted page: whoever holds the session id sees it, acting as the session's owner. */
  getSessionForCheckout(id: string): Promise<CheckoutView | undefined>;
  /** The hosted page's buttons, as the session's owner (events go to that owner's endpoints). */
  completeCheckout(id: string, outcome: CheckoutOutcome): Promise<CheckoutResult | undefined>;
  /** For the dashboard, newest first: everything stored. */
  snapshot(): Promise<SandboxSnapshot>;
  /**
   * For the dashboard of a visitor's browser: the shop key's checkout sessions of `sessionIds` and what hangs
   * off them (dashboard/view.ts), read without reading anything else.
   */
  browserSnapshot(sessionIds: readonly string[]): Promise<SandboxSnapshot>;
  /** Deletes what was created before `before` (epoch ms), except the shop's webhook endpoint; see `SandboxStore.purge`. */
  purge(before: number): Promise<PurgeCounts | undefined>;
  /** Resolves when no webhook delivery is pending any more (retries included). */
  flushDeliveries(): Promise<void>;
  /**
   * Cancels every `requires_capture` order whose authorization hold has ended (`expiresAt` ≤ now), emitting
   * `order.canceled`; what the background timer runs. Answers how many orders it canceled.
   */
  expireAuthorizations(): Promise<number>;
  /** Id of the shop's own, automatically registered webhook endpoint. */
  shopWebhookEndpointId(): Promise<string>;
  /** Stops the delivery poller and the expiry timer and waits for work in flight; the store stays as it is. */
  close(): Promise<void>;
}


/** One header per thing the sandbox accepted although Smartpay might refuse it (sandbox extension). */
export const WARNING_HEADER = 'Sandbox-Warning';
export const DEFAULT_EXPIRY_POLL_INTERVAL_MS = 1_000;

/** A header value: printable ASCII only (a warning may quote what the caller sent), at most 500 characters. */
const headerText = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 500);

function answerResponse(answer: StoredAnswer, replayed: boolean): Response {
  const headers = new Headers(replayed ? { [REPLAY_HEADER]: 'true' } : {});
  for (const warning of answer.warnings ?? []) headers.append(WARNING_HEADER, headerText(warning));
  if (answer.status === 204 || answer.body === '') return new Response(null, { status: answer.status, headers });
  headers.set('Content-Type', 'application/json');
  return new Response(answer.body, { status: answer.status, headers });
}

function internalError(error: unknown): Response {
  console.error('[sandbox] unexpected error', error);
  return errorResponse(new ApiError(500, 'internal-server-error', 'The sandbox failed unexpectedly'));
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const store = options.store ?? new MemoryStore();
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.deliveryPollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const shopOwner = ownerOf(options.shopApiKey);
  const dispatcher = new WebhookDispatcher({
    store,
    now,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    retryDelaysMs: options.deliveryRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    pollIntervalMs: pollIntervalMs || DEFAULT_POLL_INTERVAL_MS,
    // The shop's own webhooks first: keys anyone can invent share this queue.
    firstOwner: shopOwner,
  });
  const appUrl = options.appUrl.replace(/\/+$/, '');
  const allowedOrigin = options.allowedOrigin === undefined ? undefined : new URL(options.allowedOrigin).origin;

  /**
   * All state changes and reads run one at a time (across processes for a database store), each with
   * a core whose store is the exclusive section's, seen as `owner`. Deliveries of events emitted
   * meanwhile (to `owner`'s endpoints) are started once the section has ended.
   */
  async function exclusive<T>(owner: string, work: (core: SandboxCore) => Promise<T>): Promise<T> {
    let emitted = false;
    const result = await store.exclusive(owner, (section) => {
      const owned = section.forOwner(owner);
      return work({
        store: owned,
        now,
        appUrl,
        allowedOrigin,
        async emit(type, test, data) {
          const event = newEvent(type, test, data, now());
          await owned.put('event', event);
          if ((await enqueueDeliveries(owned, event, now(), Date.now())) > 0) emitted = true;
        },
      });
    });
    if (emitted) dispatcher.wake();
    return result;
  }

  /**
   * Runs read-only work without the exclusive section, side by side with other reads; if it turns out
   * to need a write, runs it again inside the section.
   */
  async function read<T>(owner: string, work: (core: SandboxCore) => Promise<T>): Promise<T> {
    try {
      return await work({
        store: readOnlyView(store.forOwner(owner)),
        now,
        appUrl,
        allowedOrigin,
        emit: async () => {
          throw new WriteNeeded();
        },
      });
    } catch (error) {
      if (error instanceof WriteNeeded) return exclusive(owner, work);
      throw error;
    }
  }

  const shopUrl = `${appUrl}${SHOP_WEBHOOK_PATH}`;
  const ready: Promise<string> = exclusive(shopOwner, async ({ store: section }) => {
    const existing = (await section.list('webhookEndpoint')).find(
      (endpoint) => endpoint.test && endpoint.url === shopUrl && endpoint.signingSecret === options.webhookSecret,
    );
    if (existing) return existing.id;
    const endpoint = newWebhookEndpoint('test', now(), {
      url: shopUrl,
      description: 'The shop’s own webhook route (registered automatically by the sandbox)',
      signingSecret: options.webhookSecret,
    });
    await section.put('webhookEndpoint', endpoint);
    return endpoint.id;
  });
  ready.then(
    () => {
      if (pollIntervalMs > 0) dispatcher.start();
      if (pollIntervalMs > 0) scheduleExpiry();
    },
    (error: unknown) => console.error('[sandbox] could not start', error),
  );

  /** Counts the call against the key (and the client address, for keys other than the shop's); 429 when over. */
  async function limit(owner: string, request: Request): Promise<void> {
    if (!options.rateLimiter) return;
    const ip = clientIp(request.headers, options.trustedProxyCount ?? 1);
    const verdict = await options.rateLimiter.take({ owner, ip, shop: owner === shopOwner, write: isWrite(request.method) });
    if (verdict.allowed) return;
    throw new ApiError(429, 'request.too-many-requests', `Too many requests; try again in ${verdict.retryAfterSeconds} s`, [], {
      'Retry-After': String(verdict.retryAfterSeconds),
    });
  }

  /** The consumer routes authenticate a test consumer instead of a secret key (consumer-api.ts). */
  const shopper: ShopperPipeline = { store, now, exclusive, limit, slowMs };

  async function handle(request: Request): Promise<Response> {
    try {
      await ready;
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const shopperRoute = matchShopperRoute(method, url.pathname, API_PREFIX);
      if (shopperRoute) return await handleShopperRequest(shopper, request, shopperRoute);
      const caller = authenticate(request.headers.get('authorization'));
      const owner = ownerOf(caller.apiKey);
      await limit(owner, request);
      const rest = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : undefined;
      const segments = (rest ?? '').split('/').filter(Boolean);
      const match = rest === undefined ? undefined : matchRoute(method, segments);
      if (!match) throw new ApiError(404, 'route.not-found', `No API route ${method} ${url.pathname}`);

      const json = await readJsonBody(request, method);
      const simulated = await applySimulation(request.headers, json.body, match.route, slowMs);
      if (simulated) return simulated;
      requireObjectBody(json);
      const body = json.body;

      const run = async (core: SandboxCore): Promise<StoredAnswer> => {
        try {
          const result = await match.route.handler({ core, mode: caller.mode, params: match.params, query: url.searchParams, body });
          return {
            status: result.status,
            body: result.body === undefined ? '' : JSON.stringify(result.body),
            ...(result.warnings?.length ? { warnings: result.warnings } : {}),
          };
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          // A request that failed validation never ran: its answer is not kept under an Idempotency-Key.
          const kept = error.isValidationFailure ? { keep: false } : {};
          return { status: error.statusCode, body: JSON.stringify(error.toBody()), ...kept };
        }
      };

      const key = request.headers.get('idempotency-key')?.trim();
      if (method === 'GET') {
        const answer = await read(owner, run);
        return answerResponse(answer, false);
      }
      const answer = await exclusive(owner, async (core) => {
        if (!key || !hasBody(method)) return { ...(await run(core)), replayed: false };
        return withIdempotency(
          { store: core.store, now },
          { owner, key, fingerprint: fingerprint(method, url.pathname, body ?? {}) },
          () => run(core),
        );
      });
      return answerResponse(answer, answer.replayed);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      return internalError(error);
    }
  }

  /**
   * Authorizations past their hold become `canceled` at expiry, whether or not anyone reads the order: every
   * process looks on a timer. The candidates are found without the lock; each is re-read and canceled inside
   * its owner's exclusive section (one transaction under the advisory lock on PostgreSQL), so with several
   * processes on one database each order is canceled, and its `order.canceled` emitted, once.
   */
  async function expireAuthorizations(): Promise<number> {
    let canceled = 0;
    for (const { id, owner } of await store.expiredAuthorizations(now())) {
      const changed = await exclusive(owner, async (core) => {
        const order = await core.store.get('order', id);
        return order !== undefined && (await expireIfDue(core, order)) !== order;
      });
      if (changed) canceled += 1;
    }
    return canceled;
  }

  const expiryIntervalMs = options.expiryPollIntervalMs ?? DEFAULT_EXPIRY_POLL_INTERVAL_MS;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let expiring: Promise<unknown> = Promise.resolve();
  let closed = false;
  function scheduleExpiry(): void {
    if (closed) return;
    expiryTimer = setTimeout(() => {
      expiring = expireAuthorizations()
        .catch((error: unknown) => console.error('[sandbox] could not expire authorizations', error))
        .finally(scheduleExpiry);
    }, expiryIntervalMs);
    expiryTimer.unref?.();
  }

  /** The owner of a session, for the hosted page (which anyone holding the id may use). */
  const sessionOwner = async (id: string) => (isIdOf('checkoutSession', id) ? store.ownerOf('checkoutSession', id) : undefined);

  return {
    handle,
    async getSessionForCheckout(id) {
      await ready;
      const owner = await sessionOwner(id);
      return owner === undefined ? undefined : read(owner, (core) => getCheckoutView(core, id));
    },
    async completeCheckout(id, outcome) {
      await ready;
      const owner = await sessionOwner(id);
      return owner === undefined ? undefined : exclusive(owner, (core) => completeCheckout(core, id, outcome));
    },
    async snapshot() {
      await ready;
      const [checkoutSessions, orders, payments, refunds, tokens, events, deliveries, webhookEndpoints, coupons, promotionCodes] = await Promise.all([
        store.list('checkoutSession'),
        store.list('order'),
        store.list('payment'),
        store.list('refund'),
        store.list('token'),
        store.list('event'),
        store.list('delivery'),
        store.list('webhookEndpoint'),
        store.list('coupon'),
        store.list('promotionCode'),
      ]);
      return { checkoutSessions, orders, payments, refunds, tokens, events, deliveries, webhookEndpoints, coupons, promotionCodes };
    },
    async browserSnapshot(sessionIds) {
      await ready;
      return readBrowserSnapshot(store.forOwner(shopOwner), sessionIds);
    },
    async purge(before) {
      await ready;
      return store.purge({ before, keepEndpointsOf: shopOwner });
    },
    async flushDeliveries() {
      await ready;
      await dispatcher.flush();
    },
    async expireAuthorizations() {
      await ready;
      return expireAuthorizations();
    },
    shopWebhookEndpointId: () => ready,
    async close() {
      closed = true;
      if (expiryTimer) clearTimeout(expiryTimer);
      await expiring;
      await dispatcher.stop();
    },
  };
}
