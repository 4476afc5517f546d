import { describe, expect, it } from 'vitest';
import { APP_URL, call, createSession, LIVE_KEY, newSandbox } from '../testing/helpers';

const outcome = (sandbox: ReturnType<typeof newSandbox>, id: string, value: unknown, key?: string) =>
  call(sandbox, 'POST', `/testing/checkout-sessions/${id}/outcome`, { body: { outcome: value }, key });

describe('testing endpoint (sandbox extension)', () => {
  it('approves like the hosted page and answers the redirect and the expanded order', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const { status, body } = await outcome(sandbox, session.id, 'approve');
    expect(status).toBe(200);
    expect(body.redirectUrl).toBe(session.successUrl);
    expect(body.order).toMatchObject({ id: session.order.id, status: 'succeeded' });
    expect(body.order.payments[0]).toMatchObject({ object: 'payment', amount: 2250 });
    expect(body.order.lineItems[0].price.product.name).toBe('Tea');
    const events = (await sandbox.snapshot()).events.map((event) => event.eventData.type);
    expect(events).toEqual(['payment.created', 'order.authorized']);
  });

  it('declines, soft-declines and cancels', async () => {
    const sandbox = newSandbox();
    const soft = await createSession(sandbox);
    const softAnswer = await outcome(sandbox, soft.id, 'soft-decline');
    expect(softAnswer.body.redirectUrl).toBe(`${APP_URL}/sandbox/checkout/${soft.id}?result=soft-declined`);
    expect(softAnswer.body.order.status).toBe('requires_authorization');
    const cancel = await outcome(sandbox, soft.id, 'cancel');
    expect(cancel.body.redirectUrl).toBe(soft.cancelUrl);
    const hard = await outcome(sandbox, soft.id, 'decline');
    expect(hard.body).toMatchObject({ redirectUrl: soft.cancelUrl, order: { status: 'rejected' } });
    const again = await outcome(sandbox, soft.id, 'approve');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ redirectUrl: `${APP_URL}/sandbox/checkout/${soft.id}`, order: { status: 'rejected' } });
  });

  it('validates the outcome, the id and the mode', async () => {
    const sandbox = newSandbox();
    const session = await createSession(sandbox);
    const bad = await outcome(sandbox, session.id, 'maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('outcome');
    const unknown = await outcome(sandbox, 'checkout_test_AAAAAAAAAAAAAAAAAAAAAA', 'approve');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('checkout-session.not-found');
    expect((await outcome(sandbox, session.id, 'approve', LIVE_KEY)).status).toBe(404);
    expect((await outcome(sandbox, session.id, 'approve', null as unknown as string)).status).toBe(401);
  });
});
