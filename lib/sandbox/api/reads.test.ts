import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { ownerOf } from '../store/owner';
import { apiRequest, closeSandboxes, newSandbox, TEST_KEY, validSessionBody } from '../testing/helpers';

const TEST_OWNER = ownerOf(TEST_KEY);

afterEach(closeSandboxes);

describe('reads', () => {
  it('answer while a write holds the exclusive section', async () => {
    const store = new MemoryStore();
    const sandbox = newSandbox({ store });
    const created = await sandbox.handle(apiRequest('POST', '/checkout-sessions', { body: { ...validSessionBody(), captureMethod: 'manual' } }));
    const session = (await created.json()) as { id: string; order: { id: string } };
    await sandbox.completeCheckout(session.id, 'approve');

    let release!: () => void;
    const held = store.exclusive(TEST_OWNER, () => new Promise<void>((resolve) => (release = resolve)));
    // The section stays held until release(): a write cannot finish before it, whatever the machine's speed.
    let writeFinished = false;
    const write = sandbox.handle(apiRequest('PUT', `/orders/${session.order.id}/cancellation`)).finally(() => {
      writeFinished = true;
    });
    // A read does not wait for the section (if it did, this await would never end and the test would time out).
    const read = await sandbox.handle(apiRequest('GET', `/checkout-sessions/${session.id}`));
    expect(read.status).toBe(200);
    expect(writeFinished).toBe(false);
    release();
    await held;
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
