import { randomUUID } from 'node:crypto';
import { SmartpayClient } from '@/lib/smartpay-api/client';

type Json = Record<string, unknown>;

export interface FakeCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: Json | undefined;
}

/**
 * A scripted stand-in for Smartpay's API, for unit tests of code that reads orders and payments:
 * it serves what the test put in it, counts requests, and can be told to fail.
 * It also keeps state for the shop's writes: POST /checkout-sessions, POST /payments (capture),
 * PUT /orders/{id}/cancellation, POST /refunds, with Smartpay's error codes and idempotency-key replay
 * (and 409 `idempotency-key.reused` for a key sent again with another request).
 * lib/sandbox/testing/fake-smartpay-parity.test.ts makes the same calls to it and to the sandbox and expects
 * the same answers, so the two doubles cannot drift apart.
 */
export class FakeSmartpay {
  readonly orders = new Map<string, Json>();
  readonly payments = new Map<string, Json>();
  readonly refunds = new Map<string, Json>();
  readonly checkoutSessions = new Map<string, Json>();
  /** The path of every request, in order. */
  readonly requests: string[] = [];
  /** Every request with its method, Idempotency-Key and body. */
  readonly calls: FakeCall[] = [];
  failWith: number | undefined;
  private readonly refusals = new Map<string, { status: number; errorCode: string; message: string }>();
  private readonly answered = new Map<string, { request: string; status: number; body: unknown }>();

  /** `checkoutOrigin`: where the sessions' `url` points (the shop refuses any other origin). */
  constructor(private readonly options: { checkoutOrigin?: string } = {}) {}

  setOrder(order: { id: string; status: string; amount: number; reference?: string; payments?: Json[] }) {
    this.orders.set(order.id, { object: 'order', currency: 'JPY', payments: [], ...order });
    for (const payment of order.payments ?? []) if (typeof payment.id === 'string') this.payments.set(payment.id, payment);
  }

  /** Makes every `method` call on `resource` (e.g. 'POST', 'refunds') answer this error until `allow` is called. */
  refuse(method: string, resource: string, status: number, errorCode: string, message = `fake ${errorCode}`) {
    this.refusals.set(`${method} ${resource}`, { status, errorCode, message });
  }

  allow(method: string, resource: string) {
    this.refusals.delete(`${method} ${resource}`);
  }

  /** Records a refund as if made elsewhere (e.g. in Smartpay's dashboard), without the shop knowing. */
  refundElsewhere(paymentId: string, amount: number) {
    return this.handleRefund({ payment: paymentId, amount, reason: 'requested_by_customer' });
  }

  client(): SmartpayClient {
    return new SmartpayClient({
      apiBase: 'https://api.smartpay.test/v1',
      secretKey: 'sk_test_fake',
      timeoutMs: 1000,
      retryDelayMs: 1,
      fetch: (async (input: URL | string, init?: RequestInit) => {
        const url = new URL(String(input));
        const method = (init?.method ?? 'GET').toUpperCase();
        const headers = new Headers(init?.headers);
        const idempotencyKey = headers.get('Idempotency-Key') ?? undefined;
        const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Json) : undefined;
        this.requests.push(url.pathname);
        this.calls.push({ method, path: url.pathname, idempotencyKey, body });
        if (this.failWith) return this.json(this.failWith, { statusCode: this.failWith, errorCode: 'fake.failure' });
        const [, , resource = '', id, sub] = url.pathname.split('/');
        const refusal = this.refusals.get(`${method} ${resource}`);
        if (refusal) return this.json(refusal.status, { statusCode: refusal.status, errorCode: refusal.errorCode, message: refusal.message });
        if (method === 'GET') {
          const found = (
            { orders: this.orders, payments: this.payments, refunds: this.refunds, 'checkout-sessions': this.checkoutSessions } as Record<string, Map<string, Json>>
          )[resource]?.get(id!);
          if (!found) return this.json(404, { statusCode: 404, errorCode: `${resource.replace(/s$/, '')}.not-found` });
          // `expand=all` on a session gives its order as an object, as Smartpay does.
          const expanded = resource === 'checkout-sessions' && url.searchParams.get('expand') === 'all';
          return this.json(200, expanded ? { ...found, order: this.orders.get(String(found.order)) } : found);
        }
        const request = `${method} ${url.pathname} ${JSON.stringify(body ?? null)}`;
        const earlier = idempotencyKey ? this.answered.get(idempotencyKey) : undefined;
        if (earlier && earlier.request !== request) {
          return this.json(409, this.error(409, 'idempotency-key.reused', 'This Idempotency-Key was already used with a different request').body);
        }
        if (earlier) return this.json(earlier.status, earlier.body, { 'Idempotency-Replayed': 'true' });
        const answer = this.handleWrite(method, resource, id, sub, body ?? {});
        if (idempotencyKey && answer.status < 500) this.answered.set(idempotencyKey, { request, ...answer });
        return this.json(answer.status, answer.body);
      }) as typeof fetch,
    });
  }

  private handleWrite(method: string, resource: string, id: string | undefined, sub: string | undefined, body: Json) {
    if (method === 'POST' && resource === 'checkout-sessions' && !id) return this.handleCreateSession(body);
    if (method === 'POST' && resource === 'payments' && !id) return this.handleCapture(body);
    if (method === 'PUT' && resource === 'orders' && id && sub === 'cancellation') return this.handleCancel(id);
    if (method === 'POST' && resource === 'refunds' && !id) return this.handleRefund(body);
    return this.error(404, 'request.not-found', `${method} /${resource} is not faked`);
  }

  /** A session and its order awaiting authorization, for the amount and reference sent (the sandbox checks the rest). */
  private handleCreateSession(body: Json) {
    if (typeof body.amount !== 'number' || !Number.isInteger(body.amount) || body.amount < 0 || typeof body.currency !== 'string') {
      return this.error(400, 'request.invalid', 'amount and currency are required');
    }
    const order: Json = {
      id: this.newId('order'),
      object: 'order',
      status: 'requires_authorization',
      amount: body.amount,
      currency: body.currency,
      reference: body.reference,
      payments: [],
    };
    this.orders.set(String(order.id), order);
    const id = this.newId('checkout');
    const session: Json = {
      id,
      object: 'checkoutSession',
      url: `${this.options.checkoutOrigin ?? 'https://checkout.smartpay.test'}/checkout/${id}`,
      order,
      reference: body.reference,
      successUrl: body.successUrl,
      cancelUrl: body.cancelUrl,
    };
    this.checkoutSessions.set(id, { ...session, order: order.id });
    return { status: 200, body: session };
  }

  private handleCapture(body: Json) {
    const order = this.orders.get(String(body.order));
    if (!order) return this.error(404, 'order.not-found', 'No such order');
    if (order.status !== 'requires_capture') return this.error(409, 'order.cannot-capture', `An order with status ${String(order.status)} cannot be captured`);
    const payments = (order.payments as Json[]) ?? [];
    const remaining = Number(order.amount) - payments.reduce((sum, p) => sum + Number(p.amount), 0);
    const amount = Number(body.amount);
    if (!Number.isInteger(amount) || amount <= 0) return this.error(400, 'request.invalid', 'amount must be a positive integer');
    if (amount > remaining) return this.error(409, 'payment.excessive-amount', `The amount exceeds the capturable amount (${remaining})`);
    const payment: Json = { id: this.newId('payment'), object: 'payment', amount, currency: 'JPY', order: order.id, status: 'processed' };
    this.payments.set(String(payment.id), payment);
    const done = (body.cancelRemainder ?? 'automatic') === 'automatic' || amount === remaining;
    this.orders.set(String(order.id), { ...order, payments: [...payments, payment], ...(done ? { status: 'succeeded' } : {}) });
    return { status: 200, body: payment };
  }

  private handleCancel(id: string) {
    const order = this.orders.get(id);
    if (!order) return this.error(404, 'order.not-found', 'No such order');
    if (order.status === 'canceled') return { status: 200, body: order };
    // Smartpay cancels only orders awaiting capture (https://en.docs.smartpay.co/reference/cancel-order).
    if (order.status !== 'requires_capture') {
      return this.error(409, 'order.cannot-cancel', `An order with status ${String(order.status)} cannot be canceled`);
    }
    const canceled = { ...order, status: 'canceled' };
    this.orders.set(id, canceled);
    return { status: 200, body: canceled };
  }

  private handleRefund(body: Json) {
    const payment = this.payments.get(String(body.payment));
    if (!payment) return this.error(404, 'payment.not-found', 'No such payment');
    const refunded = [...this.refunds.values()].filter((r) => r.payment === payment.id).reduce((sum, r) => sum + Number(r.amount), 0);
    const remaining = Number(payment.amount) - refunded;
    const amount = Number(body.amount);
    if (amount > remaining) return this.error(403, 'amount.insufficient', `The amount exceeds the refundable amount (${remaining})`);
    const refund: Json = {
      id: this.newId('refund'),
      object: 'refund',
      payment: payment.id,
      amount,
      currency: 'JPY',
      reason: body.reason,
      status: 'succeeded',
    };
    this.refunds.set(String(refund.id), refund);
    // The payment object is shared with the order's expanded payments, so both see the new status.
    if (amount === remaining) payment.status = 'refunded';
    return { status: 200, body: refund };
  }

  /** Ids unique across fakes, since tests share one database. */
  private newId(prefix: string) {
    return `${prefix}_test_${randomUUID().replace(/-/g, '').slice(0, 22)}`;
  }

  private error(status: number, errorCode: string, message: string) {
    return { status, body: { statusCode: status, errorCode, message, details: [] } };
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}) {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }
}
