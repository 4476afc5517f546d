import 'server-only';
import type { z } from 'zod';
import { getConfig } from '@/lib/config';
import { getSecrets } from '@/lib/secrets';
import { SmartpayError } from '@/lib/smartpay-api/errors';
import {
  checkoutSessionSchema,
  orderSchema,
  paymentSchema,
  refundSchema,
  smartpayErrorBodySchema,
  type SmartpayCheckoutSession,
  type SmartpayOrder,
  type SmartpayPayment,
  type SmartpayRefund,
} from '@/lib/smartpay-api/schemas';
import type { CreateCheckoutSessionRequest } from '@/lib/smartpay-api/types';

/**
 * The one place that talks to Smartpay's API. Server-only: the secret key never leaves the server.
 * Every call has a timeout; POSTs carry an Idempotency-Key and are retried once, with the same key,
 * on a connection error or a 5xx, so a retry can never create a second object.
 */

export interface SmartpayClientOptions {
  apiBase: string;
  /** The secret key, or a function that resolves it (the shop's own comes from lib/secrets.ts). */
  secretKey: string | (() => Promise<string>);
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Pause before the single retry. */
  retryDelayMs?: number;
}

interface RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SmartpayClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: SmartpayClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  createCheckoutSession(payload: CreateCheckoutSessionRequest, idempotencyKey: string): Promise<SmartpayCheckoutSession> {
    return this.request({ method: 'POST', path: '/checkout-sessions', body: payload, idempotencyKey }, checkoutSessionSchema);
  }

  /** Retrieves a checkout session with its order, line items and payments expanded. */
  getCheckoutSession(id: string): Promise<SmartpayCheckoutSession> {
    return this.request(
      { method: 'GET', path: `/checkout-sessions/${encodeURIComponent(id)}`, query: { expand: 'all' } },
      checkoutSessionSchema,
    );
  }

  getOrder(id: string): Promise<SmartpayOrder> {
    return this.request({ method: 'GET', path: `/orders/${encodeURIComponent(id)}`, query: { expand: 'all' } }, orderSchema);
  }

  getPayment(id: string): Promise<SmartpayPayment> {
    return this.request({ method: 'GET', path: `/payments/${encodeURIComponent(id)}` }, paymentSchema);
  }

  getRefund(id: string): Promise<SmartpayRefund> {
    return this.request({ method: 'GET', path: `/refunds/${encodeURIComponent(id)}` }, refundSchema);
  }

  /** Captures (part of) an authorized order placed with captureMethod "manual". */
  capturePayment(
    input: { order: string; amount: number; cancelRemainder?: 'automatic' | 'manual'; reference?: string },
    idempotencyKey: string,
  ): Promise<SmartpayPayment> {
    return this.request(
      { method: 'POST', path: '/payments', body: { ...input, currency: 'JPY' }, idempotencyKey },
      paymentSchema,
    );
  }

  cancelOrder(id: string, idempotencyKey: string): Promise<SmartpayOrder> {
    return this.request({ method: 'PUT', path: `/orders/${encodeURIComponent(id)}/cancellation`, idempotencyKey }, orderSchema);
  }

  createRefund(
    input: { payment: string; amount: number; reason: 'requested_by_customer' | 'fraudulent'; reference?: string },
    idempotencyKey: string,
  ): Promise<SmartpayRefund> {
    return this.request({ method: 'POST', path: '/refunds', body: { ...input, currency: 'JPY' }, idempotencyKey }, refundSchema);
  }

  private async request<S extends z.ZodType>(options: RequestOptions, schema: S): Promise<z.output<S>> {
    const retryable = options.method === 'GET' || options.idempotencyKey !== undefined;
    try {
      return await this.attempt(options, schema);
    } catch (error) {
      if (!retryable || !(error instanceof SmartpayError) || !isRetryable(error)) throw error;
      await sleep(this.options.retryDelayMs ?? 250);
      return this.attempt(options, schema);
    }
  }

  private async attempt<S extends z.ZodType>(options: RequestOptions, schema: S): Promise<z.output<S>> {
    const url = new URL(`${this.options.apiBase}${options.path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const { secretKey } = this.options;
    const headers: Record<string, string> = {
      Authorization: `Basic ${typeof secretKey === 'string' ? secretKey : await secretKey()}`,
      Accept: 'application/json',
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: options.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        cache: 'no-store',
      });
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw new SmartpayError({
        kind: timedOut ? 'timeout' : 'unavailable',
        message: timedOut
          ? `${options.method} ${options.path} timed out after ${this.options.timeoutMs} ms`
          : `${options.method} ${options.path} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        cause,
      });
    }

    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw new SmartpayError({
        kind: timedOut ? 'timeout' : 'unavailable',
        statusCode: response.status,
        message: `${options.method} ${options.path}: the response body could not be read`,
        cause,
      });
    }

    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      throw new SmartpayError({
        kind: response.ok ? 'bad-response' : kindForStatus(response.status),
        statusCode: response.status,
        message: `${options.method} ${options.path}: HTTP ${response.status} with a body that is not JSON`,
        details: text.slice(0, 200),
        cause,
      });
    }

    if (!response.ok) {
      const body = smartpayErrorBodySchema.safeParse(json);
      throw new SmartpayError({
        kind: kindForStatus(response.status),
        statusCode: response.status,
        errorCode: body.success ? body.data.errorCode : undefined,
        message: (body.success && body.data.message) || `${options.method} ${options.path}: HTTP ${response.status}`,
        details: body.success ? body.data.details : undefined,
      });
    }

    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SmartpayError({
        kind: 'bad-response',
        statusCode: response.status,
        message: `${options.method} ${options.path}: unexpected response shape`,
        details: parsed.error.issues.slice(0, 5).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    return parsed.data;
  }
}

function kindForStatus(status: number): SmartpayError['kind'] {
  return status >= 500 || status === 429 ? 'unavailable' : 'invalid-request';
}

/** A connection error or a 5xx may be retried once (with the same idempotency key); a timeout is not. */
function isRetryable(error: SmartpayError): boolean {
  if (error.kind !== 'unavailable') return false;
  return error.statusCode === undefined || error.statusCode >= 500;
}

let shared: SmartpayClient | undefined;

/** The process-wide client, configured from the environment. */
export function smartpay(): SmartpayClient {
  if (!shared) {
    const { smartpay: config } = getConfig();
    shared = new SmartpayClient({
      apiBase: config.apiBase,
      secretKey: async () => (await getSecrets()).smartpayKey,
      timeoutMs: config.timeoutMs,
    });
  }
  return shared;
}
