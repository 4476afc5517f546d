import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store';
import { apiRequest, closeSandboxes, newSandbox, validSessionBody } from './testing';

afterEach(closeSandboxes);

describe('reads', () => {
  it('answer while a write holds the exclusive section', async () => {
    const store = new MemoryStore();
    const sandbox = newSandbox({ store });
    const created = await sandbox.handle(apiRequest('POST', '/checkout-sessions', { body: { ...validSessionBody(), captureMethod: 'manual' } }));
    const session = (await created.json()) as { id: string; order: { id: string } };
    await sandbox.completeCheckout(session.id, 'approve');

    let release!: () => void;
    const held = store.exclusive(() => new Promise<void>((resolve) => (release = resolve)));
    const read = await Promise.race([
      sandbox.handle(apiRequest('GET', `/checkout-sessions/${session.id}`)).then((r) => r.status),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 500)),
    ]);
    const write = sandbox.handle(apiRequest('PUT', `/orders/${session.order.id}/cancellation`));
    const writeState = await Promise.race([write.then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 100))]);
    release();
    await held;
    expect(read).toBe(200);
    expect(writeState).toBe('waiting');
    expect((await write).status).toBe(200);
  });

  it('never write: an order past its hold stays as it is until the expiry run cancels it', async () => {
    let now = Date.UTC(2026, 0, 1);
    const sandbox = newSandbox({ now: () => now, deliveryPollIntervalMs: 0 });
    const created = await sandbox.handle(
      apiRequest('POST', '/checkout-sessions', { body: { ...validSessionBody(), captureMethod: 'manual' } }),
    );
    const session = (await created.json()) as { id: string; order: { id: string } };
    await sandbox.completeCheckout(session.id, 'approve');
    now += 8 * 24 * 60 * 60 * 1000;
    const answers = await Promise.all([1, 2, 3].map(() => sandbox.handle(apiRequest('GET', `/orders/${session.order.id}`))));
    const statuses = await Promise.all(answers.map(async (r) => ((await r.json()) as { status: string }).status));
    expect(statuses).toEqual(['requires_capture', 'requires_capture', 'requires_capture']);
    expect((await sandbox.getSessionForCheckout(session.id))?.kind).toBe('order');
    expect((await sandbox.snapshot()).events.map((e) => e.eventData.type)).toEqual(['order.authorized']);
    expect(await sandbox.expireAuthorizations()).toBe(1);
    const events = (await sandbox.snapshot()).events.filter((e) => e.eventData.type === 'order.canceled');
    expect(events).toHaveLength(1);
  });
});
