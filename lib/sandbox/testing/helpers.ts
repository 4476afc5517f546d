import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { MemoryStore } from '../store/memory-store';
import type { SandboxStore } from '../store/store';

/** Helpers shared by the sandbox's unit tests. */

/** The key of most tests; `newSandbox` registers the shop's webhook endpoint under it. */
export const TEST_KEY = 'sk_test_UnitTestKey000000000000000';
/** Another merchant's key: it sees none of TEST_KEY's objects. */
export const OTHER_KEY = 'sk_test_AnotherMerchantKey000000000';
export const LIVE_KEY = 'sk_live_UnitTestKey000000000000000';
export const APP_URL = 'http://shop.test';
export const SHOP_SECRET = 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q';
export const BASE = `${APP_URL}/sandbox/v1`;

/** A fetch that answers 200 to everything, so deliveries to the shop endpoint do not touch the network. */
export const okFetch: typeof fetch = async () => new Response('ok', { status: 200 });

export interface StoreOptions {
  /** The store's clock: when records count as created (for purges). */
  clock?: () => number;
}

let storeFactory: ((options: StoreOptions) => SandboxStore) | undefined;
const opened = new Set<Sandbox>();

/** Makes `newSandbox` and `newStore` use stores from `factory` (e.g. a database store) instead of fresh memory stores. */
export function useStores(factory: ((options: StoreOptions) => SandboxStore) | undefined): void {
  storeFactory = factory;
}

/** A fresh store of the kind the suite runs on. */
export function newStore(options: StoreOptions = {}): SandboxStore {
  return storeFactory?.(options) ?? new MemoryStore(options);
}

/** Stops the delivery pollers of every sandbox `newSandbox` made so far. */
export async function closeSandboxes(): Promise<void> {
  const sandboxes = [...opened];
  opened.clear();
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
}

export function newSandbox(options: Partial<SandboxOptions> = {}): Sandbox {
  const sandbox = createSandbox({
    appUrl: APP_URL,
    webhookSecret: SHOP_SECRET,
    shopApiKey: TEST_KEY,
    fetch: okFetch,
    deliveryRetryDelaysMs: [0, 0],
    store: newStore(),
    ...options,
  });
  opened.add(sandbox);
  return sandbox;
}

export function validSessionBody(): Record<string, unknown> {
  return {
    amount: 2250,
    currency: 'JPY',
    captureMethod: 'automatic',
    locale: 'ja',
    reference: 'order-1',
    description: 'Test order',
    metadata: { cart: 'c1' },
    customerInfo: { emailAddress: 'taro@example.com', firstName: 'Taro' },
    items: [
      { name: 'Tea', amount: 1000, quantity: 2, currency: 'JPY' },
      { kind: 'discount', name: 'Coupon', amount: 100, currency: 'JPY' },
      { kind: 'tax', name: 'Consumption tax', amount: 150, currency: 'JPY' },
    ],
    shippingInfo: {
      address: { line1: '1-2-3 Akasaka', locality: 'Minato-ku', administrativeArea: '東京都', postalCode: '107-0052', country: 'JP' },
      feeAmount: 200,
      feeCurrency: 'JPY',
    },
    successUrl: `${APP_URL}/success?order=1`,
    cancelUrl: `${APP_URL}/cancel?order=1`,
  };
}

export function apiRequest(
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  const key = options.key === undefined ? TEST_KEY : options.key;
  if (key) headers.Authorization = `Basic ${key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`${BASE}${path}`, { method, headers, body });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function call(
  sandbox: ReturnType<typeof newSandbox>,
  method: string,
  path: string,
  options: Parameters<typeof apiRequest>[2] = {},
): Promise<{ status: number; body: Json; response: Response }> {
  const response = await sandbox.handle(apiRequest(method, path, options));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, response };
}

export async function createSession(sandbox: ReturnType<typeof newSandbox>, overrides: Record<string, unknown> = {}) {
  const result = await call(sandbox, 'POST', '/checkout-sessions', { body: { ...validSessionBody(), ...overrides } });
  if (result.status !== 200) throw new Error(`create failed: ${JSON.stringify(result.body)}`);
  return result.body as Json;
}
