import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { clearSandboxTables, dbStoreOn, openSandboxDatabase } from '../testing/database';
import type { Sandbox } from '../sandbox';
import type { CouponRecord } from './records';
import { call, createSession, newSandbox, validSessionBody } from '../testing/helpers';

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 5_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('restart on the same database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps sessions and resumes pending deliveries', async () => {
    const first = await openSandboxDatabase(dir);
    const failing = newSandbox({
      store: dbStoreOn(first),
      fetch: async () => new Response('down', { status: 503 }),
      // Retries enough that the delivery is still pending when this process stops, however slowly it stops.
      deliveryRetryDelaysMs: Array.from({ length: 50 }, () => 200),
    });
    const session = await createSession(failing, { captureMethod: 'manual' });
    await call(failing, 'POST', `/testing/checkout-sessions/${session.id}/outcome`, { body: { outcome: 'approve' } });
    await waitFor(async () => ((await failing.snapshot()).deliveries[0]?.attempts.length ?? 0) >= 1);
    await failing.close();
    await first.close();

    const second = await openSandboxDatabase(dir);
    const received: string[] = [];
    const restarted = newSandbox({
      store: dbStoreOn(second),
      fetch: async (_url, init) => {
        received.push(String(init?.body));
        return new Response('ok', { status: 200 });
      },
      deliveryRetryDelaysMs: [200],
      deliveryPollIntervalMs: 50,
    });
    const again = await call(restarted, 'GET', `/checkout-sessions/${session.id}?expand=all`);
    expect(again.status).toBe(200);
    expect(again.body.order.status).toBe('requires_capture');
    await waitFor(async () => (await restarted.snapshot()).deliveries[0]?.state === 'succeeded');
    const [delivery] = (await restarted.snapshot()).deliveries;
    // One or more failed attempts before the restart (however long the first process took to stop), then the one after it.
    const statuses = delivery!.attempts.map((attempt) => attempt.statusCode);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.slice(0, -1).length).toBeGreaterThan(0);
    expect(statuses.slice(0, -1).every((status) => status === 503)).toBe(true);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!).eventData.type).toBe('order.authorized');
    await restarted.close();
    await second.close();
  });
});

describe('two sandbox instances on one database', () => {
  let handle: DatabaseHandle;
  let sandboxes: Sandbox[] = [];
  beforeAll(async () => {
    handle = await openSandboxDatabase();
  });
  afterAll(async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await handle.close();
  });
  beforeEach(async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await clearSandboxTables(handle);
  });

  it('registers the shop endpoint once and creates one session for 10 parallel requests with one key', async () => {
    sandboxes = [newSandbox({ store: dbStoreOn(handle) }), newSandbox({ store: dbStoreOn(handle) })];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call(sandboxes[index % 2]!, 'POST', '/checkout-sessions', {
          body: validSessionBody(),
          headers: { 'Idempotency-Key': 'shared-key' },
        }),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect(results.filter((result) => result.response.headers.get('idempotency-replayed') === 'true')).toHaveLength(9);
    const state = await sandboxes[0]!.snapshot();
    expect(state.checkoutSessions).toHaveLength(1);
    expect(state.webhookEndpoints).toHaveLength(1);
  });

  it('attempts each delivery from one instance only', async () => {
    const received: string[] = [];
    const recording: typeof fetch = async (_url, init) => {
      received.push(new Headers(init?.headers).get('smartpay-event-id')!);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return new Response('ok', { status: 200 });
    };
    sandboxes = [0, 1].map(() => newSandbox({ store: dbStoreOn(handle), fetch: recording, deliveryPollIntervalMs: 20 }));
    for (let index = 0; index < 4; index += 1) {
      const session = await createSession(sandboxes[index % 2]!);
      await sandboxes[(index + 1) % 2]!.completeCheckout(session.id, 'approve');
    }
    await Promise.all(sandboxes.map((sandbox) => sandbox.flushDeliveries()));
    const state = await sandboxes[0]!.snapshot();
    expect(state.events).toHaveLength(8);
    expect(state.deliveries.every((delivery) => delivery.state === 'succeeded' && delivery.attempts.length === 1)).toBe(true);
    expect(received.sort()).toEqual(state.events.map((event) => event.id).sort());
  });

  it('cancels an expired authorization once, with one order.canceled, when both expire at the same time', async () => {
    let now = Date.UTC(2026, 0, 1);
    sandboxes = [0, 1].map(() => newSandbox({ store: dbStoreOn(handle), now: () => now, deliveryPollIntervalMs: 0 }));
    const session = await createSession(sandboxes[0]!, { captureMethod: 'manual' });
    await sandboxes[1]!.completeCheckout(session.id, 'approve');
    now += 7 * 24 * 60 * 60 * 1000;
    const counts = await Promise.all([...sandboxes, ...sandboxes].map((sandbox) => sandbox.expireAuthorizations()));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    const state = await sandboxes[0]!.snapshot();
    expect(state.orders[0]!.status).toBe('canceled');
    expect(state.events.filter((event) => event.eventData.type === 'order.canceled')).toHaveLength(1);
  });
});

describe("an exclusive section's writes on the database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openSandboxDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  const record = (id: string, note: string) => ({ id, object: 'coupon', test: true, name: note }) as unknown as CouponRecord;

  it('land together at the end, are read back inside the section as put, and never replace another owner’s record', async () => {
    const store = dbStoreOn(handle);
    await store.exclusive('owner-a', async (section) => {
      const a = section.forOwner('owner-a');
      await a.put('coupon', record('coupon_test_shared', 'of owner a'));
      const mine = record('coupon_test_a2', 'first');
      await a.put('coupon', mine);
      (mine as unknown as { name: string }).name = 'changed after put';
      expect(await a.get('coupon', 'coupon_test_a2')).toMatchObject({ name: 'first' });
      await a.put('coupon', record('coupon_test_a2', 'second'));
      // A list sees every record put so far, newest first; a record put again keeps its place.
      expect((await a.list('coupon')).map((c) => (c as unknown as { name: string }).name)).toEqual(['second', 'of owner a']);
    });

    // Owner b's section tries to overwrite owner a's record: the whole section is undone.
    await expect(
      store.exclusive('owner-b', async (section) => {
        const b = section.forOwner('owner-b');
        await b.put('coupon', record('coupon_test_b1', 'of owner b'));
        await b.put('coupon', record('coupon_test_shared', 'taken over'));
      }),
    ).rejects.toThrow(/belongs to another owner/);
    expect(await store.forOwner('owner-a').get('coupon', 'coupon_test_shared')).toMatchObject({ name: 'of owner a' });
    expect(await store.forOwner('owner-b').list('coupon')).toEqual([]);
  });
});
