import { afterEach, describe, expect, it } from 'vitest';
import { SmartpayError } from '@/lib/smartpay-api/errors';
import { SmartpayClient } from '@/lib/smartpay-api/client';
import { FakeSmartpay } from '@/test/fake-smartpay';
import type { CreateCheckoutSessionRequest } from '@/lib/smartpay-api/types';
import { APP_URL, BASE, closeSandboxes, createSession, newSandbox, TEST_KEY, validSessionBody } from './helpers';

/**
 * The shop's unit tests of captures, cancellations and refunds (lib/merchant, lib/webhooks) run on a small
 * scripted double, `test/fake-smartpay.ts`, because they set up orders in states a test needs directly. So that
 * double cannot drift from the sandbox, the same calls, through the shop's own client, go to both here and must
 * get the same answers: the same status codes and error codes, and the same statuses and amounts.
 */

afterEach(closeSandboxes);

type Outcome = { ok: true; object?: unknown; status?: unknown; amount?: unknown } | { ok: false; statusCode?: number; errorCode?: string };

async function outcome(call: () => Promise<{ object?: unknown; status?: unknown; amount?: unknown }>): Promise<Outcome> {
  try {
    const { object, status, amount } = await call();
    return { ok: true, object, status, amount };
  } catch (error) {
    if (!(error instanceof SmartpayError)) throw error;
    return { ok: false, statusCode: error.statusCode, errorCode: error.errorCode };
  }
}

/** An order awaiting capture in the sandbox, and the same order put into the fake. */
async function authorizedOrder(sandbox: ReturnType<typeof newSandbox>, fake: FakeSmartpay) {
  const session = await createSession(sandbox, { captureMethod: 'manual' });
  await sandbox.completeCheckout(session.id, 'approve');
  const order = { id: session.order.id as string, amount: session.order.amount as number };
  fake.setOrder({ id: order.id, status: 'requires_capture', amount: order.amount });
  return order;
}

function sandboxClient(sandbox: ReturnType<typeof newSandbox>) {
  return new SmartpayClient({
    apiBase: BASE,
    secretKey: TEST_KEY,
    timeoutMs: 5000,
    retryDelayMs: 1,
    fetch: ((input: URL | string, init?: RequestInit) => sandbox.handle(new Request(String(input), init))) as typeof fetch,
  });
}

describe('test/fake-smartpay.ts answers as the sandbox does', () => {
  it('checkout sessions: created with their order, replayed, a key reused for another body, read back', async () => {
    const sandbox = newSandbox();
    const fake = new FakeSmartpay({ checkoutOrigin: APP_URL });
    const payload = validSessionBody() as unknown as CreateCheckoutSessionRequest;
    const summary = (session: { object: string; url: string; order?: unknown }) => {
      const order = typeof session.order === 'object' ? (session.order as { status: string; amount: number; reference?: string }) : undefined;
      return { ok: true as const, object: session.object, status: order?.status, amount: order?.amount };
    };
    const run = async (client: SmartpayClient) => {
      const created = await client.createCheckoutSession(payload, 'session-1');
      const replay = await client.createCheckoutSession(payload, 'session-1');
      return [
        summary(created),
        { ok: true, object: 'replay gives the same session', status: replay.id === created.id, amount: new URL(created.url).origin },
        await outcome(async () => summary(await client.createCheckoutSession({ ...payload, amount: payload.amount + 1 }, 'session-1'))),
        await outcome(async () => summary(await client.createCheckoutSession({ ...payload, amount: -1 }, 'session-2'))),
        await outcome(async () => summary(await client.getCheckoutSession(created.id))),
        await outcome(async () => summary(await client.getCheckoutSession('checkout_test_000000000000000000000'))),
      ];
    };
    const fromSandbox = await run(sandboxClient(sandbox));
    expect(await run(fake.client())).toEqual(fromSandbox);
    expect(fromSandbox[0]).toMatchObject({ ok: true, status: 'requires_authorization', amount: payload.amount });
  });

  it('captures: too much, part with the remainder kept, a replay, the rest, then cancel and capture refused', async () => {
    const sandbox = newSandbox();
    const fake = new FakeSmartpay();
    const order = await authorizedOrder(sandbox, fake);
    const run = async (client: SmartpayClient) => {
      const steps: Outcome[] = [];
      steps.push(await outcome(() => client.getOrder(order.id)));
      steps.push(await outcome(() => client.capturePayment({ order: order.id, amount: order.amount + 1 }, 'too-much')));
      steps.push(await outcome(() => client.capturePayment({ order: order.id, amount: 0 }, 'zero')));
      const first = await client.capturePayment({ order: order.id, amount: 1000, cancelRemainder: 'manual' }, 'part');
      const replay = await client.capturePayment({ order: order.id, amount: 1000, cancelRemainder: 'manual' }, 'part');
      steps.push({ ok: true, object: first.object, status: first.status, amount: first.amount });
      steps.push({ ok: true, object: 'replay gives the same payment', status: replay.id === first.id, amount: replay.amount });
      steps.push(await outcome(() => client.getOrder(order.id)));
      steps.push(await outcome(() => client.capturePayment({ order: order.id, amount: order.amount - 1000 }, 'rest')));
      steps.push(await outcome(() => client.getOrder(order.id)));
      steps.push(await outcome(() => client.cancelOrder(order.id, 'cancel-paid')));
      steps.push(await outcome(() => client.capturePayment({ order: order.id, amount: 1 }, 'after-paid')));
      steps.push(await outcome(() => client.getOrder('order_test_000000000000000000000')));
      return { steps, payment: first.id };
    };
    const fromSandbox = await run(sandboxClient(sandbox));
    const fromFake = await run(fake.client());
    expect(fromFake.steps).toEqual(fromSandbox.steps);
    // Not vacuous: the run met successes and refusals.
    expect(fromSandbox.steps.filter((s) => s.ok).length).toBeGreaterThanOrEqual(5);
    expect(fromSandbox.steps.filter((s) => !s.ok).length).toBeGreaterThanOrEqual(4);
  });

  it('refunds: more than paid, in two parts, then nothing left; a payment read back', async () => {
    const sandbox = newSandbox();
    const fake = new FakeSmartpay();
    const order = await authorizedOrder(sandbox, fake);
    const run = async (client: SmartpayClient) => {
      const payment = await client.capturePayment({ order: order.id, amount: order.amount }, 'all');
      const steps: Outcome[] = [];
      steps.push(await outcome(() => client.createRefund({ payment: payment.id, amount: order.amount + 1, reason: 'requested_by_customer' }, 'r0')));
      steps.push(await outcome(() => client.createRefund({ payment: payment.id, amount: 400, reason: 'requested_by_customer' }, 'r1')));
      steps.push(await outcome(() => client.getPayment(payment.id)));
      steps.push(await outcome(() => client.createRefund({ payment: payment.id, amount: order.amount - 400, reason: 'requested_by_customer' }, 'r2')));
      steps.push(await outcome(() => client.createRefund({ payment: payment.id, amount: 1, reason: 'requested_by_customer' }, 'r3')));
      steps.push(await outcome(() => client.createRefund({ payment: 'payment_test_000000000000000000000', amount: 1, reason: 'requested_by_customer' }, 'r4')));
      return steps;
    };
    const fromSandbox = await run(sandboxClient(sandbox));
    const fromFake = await run(fake.client());
    expect(fromFake).toEqual(fromSandbox);
    expect(fromSandbox.filter((s) => !s.ok).length).toBe(3);
  });

  it('cancellations: an order awaiting capture, again, and capture after it', async () => {
    const sandbox = newSandbox();
    const fake = new FakeSmartpay();
    const order = await authorizedOrder(sandbox, fake);
    const run = async (client: SmartpayClient) => [
      await outcome(() => client.cancelOrder(order.id, 'c1')),
      await outcome(() => client.cancelOrder(order.id, 'c2')),
      await outcome(() => client.capturePayment({ order: order.id, amount: 100 }, 'after-cancel')),
      await outcome(() => client.getOrder(order.id)),
    ];
    const fromSandbox = await run(sandboxClient(sandbox));
    expect(await run(fake.client())).toEqual(fromSandbox);
    expect(fromSandbox[0]).toMatchObject({ ok: true, status: 'canceled' });
  });
});
