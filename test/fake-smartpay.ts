import { SmartpayClient } from '@/lib/smartpay-api/client';

type Json = Record<string, unknown>;

/**
 * A scripted stand-in for Smartpay's API, for unit tests of code that reads orders and payments:
 * it serves what the test put in it, counts requests, and can be told to fail.
 */
export class FakeSmartpay {
  readonly orders = new Map<string, Json>();
  readonly payments = new Map<string, Json>();
  readonly requests: string[] = [];
  failWith: number | undefined;

  setOrder(order: { id: string; status: string; amount: number; reference?: string; payments?: Json[] }) {
    this.orders.set(order.id, { object: 'order', currency: 'JPY', payments: [], ...order });
  }

  client(): SmartpayClient {
    return new SmartpayClient({
      apiBase: 'https://api.smartpay.test/v1',
      secretKey: 'sk_test_fake',
      timeoutMs: 1000,
      retryDelayMs: 1,
      fetch: (async (input: URL | string) => {
        const url = new URL(String(input));
        this.requests.push(url.pathname);
        if (this.failWith) return this.json(this.failWith, { statusCode: this.failWith, errorCode: 'fake.failure' });
        const [, , resource, id] = url.pathname.split('/');
        const found = resource === 'orders' ? this.orders.get(id!) : resource === 'payments' ? this.payments.get(id!) : undefined;
        return found ? this.json(200, found) : this.json(404, { statusCode: 404, errorCode: `${resource}.not-found` });
      }) as typeof fetch,
    });
  }

  private json(status: number, body: unknown) {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }
}
