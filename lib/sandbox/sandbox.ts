import { authenticate } from './auth';
import type { SandboxCore } from './core';
import { ApiError, errorResponse, invalid } from './errors';
import { newEvent } from './events';
import {
  completeCheckout,
  getCheckoutView,
  type CheckoutOutcome,
  type CheckoutResult,
  type CheckoutView,
} from './hosted-checkout';
import { fingerprint, REPLAY_HEADER, withIdempotency, type StoredAnswer } from './idempotency';
import { MemoryStore } from './memory-store';
import { readOnlyView, WriteNeeded } from './read-only-store';
import { matchRoute } from './router';
import { scenarioOf, simulatedResponse, slowDelayMs } from './simulate';
import type { SandboxStore } from './store';
import type { RecordMap } from './types';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_RETRY_DELAYS_MS, enqueueDeliveries, WebhookDispatcher } from './webhook-delivery';
import { newWebhookEndpoint } from './webhook-endpoints';

/** The path every API route lives under, on the shop's own origin. */
export const API_PREFIX = '/sandbox/v1';
/** The shop's webhook route, registered automatically on every new sandbox. */
export const SHOP_WEBHOOK_PATH = '/api/webhooks/smartpay';

export interface SandboxOptions {
  /** Public origin of the shop (no trailing slash); hosted checkout URLs and the shop webhook are built from it. */
  appUrl: string;
  /** Signing secret of the shop's own webhook endpoint. */
  webhookSecret: string;
  now?: () => number;
  fetch?: typeof fetch;
  deliveryRetryDelaysMs?: number[];
  /** How often to look for due webhook deliveries (ms); 0 polls only after changes and in `flushDeliveries`. */
  deliveryPollIntervalMs?: number;
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
}

export interface Sandbox {
  /** Answers one request to the API (path prefix `/sandbox/v1`). */
  handle(request: Request): Promise<Response>;
  getSessionForCheckout(id: string): Promise<CheckoutView | undefined>;
  completeCheckout(id: string, outcome: CheckoutOutcome): Promise<CheckoutResult | undefined>;
  /** Everything stored, newest first, for the dashboard. */
  snapshot(): Promise<SandboxSnapshot>;
  /** Resolves when no webhook delivery is pending any more (retries included). */
  flushDeliveries(): Promise<void>;
  /** Id of the shop's own, automatically registered webhook endpoint. */
  shopWebhookEndpointId(): Promise<string>;
  /** Stops the delivery poller and waits for attempts in flight; the store stays as it is. */
  close(): Promise<void>;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function answerResponse(answer: StoredAnswer, replayed: boolean): Response {
  const headers: Record<string, string> = replayed ? { [REPLAY_HEADER]: 'true' } : {};
  if (answer.status === 204 || answer.body === '') return new Response(null, { status: answer.status, headers });
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function internalError(error: unknown): Response {
  console.error('[sandbox] unexpected error', error);
  return errorResponse(new ApiError(500, 'internal-server-error', 'The sandbox failed unexpectedly'));
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const store = options.store ?? new MemoryStore();
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.deliveryPollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const dispatcher = new WebhookDispatcher({
    store,
    now,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    retryDelaysMs: options.deliveryRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    pollIntervalMs: pollIntervalMs || DEFAULT_POLL_INTERVAL_MS,
  });
  const appUrl = options.appUrl.replace(/\/+$/, '');

  /**
   * All state changes and reads run one at a time (across processes for a database store), each with
   * a core whose store is the exclusive section's. Deliveries of events emitted meanwhile are started
   * once the section has ended.
   */
  async function exclusive<T>(work: (core: SandboxCore) => Promise<T>): Promise<T> {
    let emitted = false;
    const result = await store.exclusive((section) =>
      work({
        store: section,
        now,
        appUrl,
        async emit(type, test, data) {
          const event = newEvent(type, test, data, now());
          await section.put('event', event);
          if ((await enqueueDeliveries(section, event, now(), Date.now())) > 0) emitted = true;
        },
      }),
    );
    if (emitted) dispatcher.wake();
    return result;
  }

  /**
   * Runs read-only work without the exclusive section, side by side with other reads; if it turns out
   * to need a write, runs it again inside the section.
   */
  async function read<T>(work: (core: SandboxCore) => Promise<T>): Promise<T> {
    try {
      return await work({
        store: readOnlyView(store),
        now,
        appUrl,
        emit: async () => {
          throw new WriteNeeded();
        },
      });
    } catch (error) {
      if (error instanceof WriteNeeded) return exclusive(work);
      throw error;
    }
  }

  const shopUrl = `${appUrl}${SHOP_WEBHOOK_PATH}`;
  const ready: Promise<string> = exclusive(async ({ store: section }) => {
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
    },
    (error: unknown) => console.error('[sandbox] could not start', error),
  );

  async function handle(request: Request): Promise<Response> {
    try {
      await ready;
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const caller = authenticate(request.headers.get('authorization'));
      const rest = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : undefined;
      const segments = (rest ?? '').split('/').filter(Boolean);
      const match = rest === undefined ? undefined : matchRoute(method, segments);
      if (!match) throw new ApiError(404, 'route.not-found', `No API route ${method} ${url.pathname}`);

      const text = BODY_METHODS.has(method) ? await request.text() : '';
      let body: unknown = undefined;
      let parseError: string | undefined;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch (error) {
          parseError = error instanceof Error ? error.message : String(error);
        }
      }

      const scenario = scenarioOf(request.headers, body);
      if (scenario) {
        const simulated = simulatedResponse(scenario, match.route);
        if (simulated) return simulated;
        await sleep(slowDelayMs());
      }
      if (parseError !== undefined) {
        throw new ApiError(400, 'request.malformed', 'Input payload is malformed, could not be decoded', [
          { path: '', message: parseError },
        ]);
      }
      if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
        throw invalid([{ path: '', message: 'must be a JSON object' }]);
      }

      const run = async (core: SandboxCore): Promise<StoredAnswer> => {
        try {
          const result = await match.route.handler({ core, mode: caller.mode, params: match.params, query: url.searchParams, body });
          return { status: result.status, body: result.body === undefined ? '' : JSON.stringify(result.body) };
        } catch (error) {
          if (error instanceof ApiError) return { status: error.statusCode, body: JSON.stringify(error.toBody()) };
          throw error;
        }
      };

      const key = request.headers.get('idempotency-key')?.trim();
      if (method === 'GET') {
        const answer = await read(run);
        return answerResponse(answer, false);
      }
      const answer = await exclusive(async (core) => {
        if (!key || !BODY_METHODS.has(method)) return { ...(await run(core)), replayed: false };
        return withIdempotency(
          { store: core.store, now },
          { apiKey: caller.apiKey, key, fingerprint: fingerprint(method, url.pathname, body ?? {}) },
          () => run(core),
        );
      });
      return answerResponse(answer, answer.replayed);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      return internalError(error);
    }
  }

  return {
    handle,
    async getSessionForCheckout(id) {
      await ready;
      return read((core) => getCheckoutView(core, id));
    },
    async completeCheckout(id, outcome) {
      await ready;
      return exclusive((core) => completeCheckout(core, id, outcome));
    },
    async snapshot() {
      await ready;
      const [checkoutSessions, orders, payments, refunds, tokens, events, deliveries, webhookEndpoints] = await Promise.all([
        store.list('checkoutSession'),
        store.list('order'),
        store.list('payment'),
        store.list('refund'),
        store.list('token'),
        store.list('event'),
        store.list('delivery'),
        store.list('webhookEndpoint'),
      ]);
      return { checkoutSessions, orders, payments, refunds, tokens, events, deliveries, webhookEndpoints };
    },
    async flushDeliveries() {
      await ready;
      await dispatcher.flush();
    },
    shopWebhookEndpointId: () => ready,
    close: () => dispatcher.stop(),
  };
}
