import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { openDbStore } from './db-open';
import { clearSandboxTables, dbStoreOn } from '../testing/database';
import { databaseRateLimiter } from '../api/rate-limit';
import type { Sandbox } from '../sandbox';
import { call, createSession, newSandbox, OTHER_KEY, validSessionBody } from '../testing/helpers';

/**
 * Two sandboxes on one PostgreSQL through two separate connection pools, as two shop processes would be.
 * Runs only with SANDBOX_TEST_DATABASE_URL set (its sandbox tables are emptied).
 */
const databaseUrl = process.env.SANDBOX_TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('two pools on one PostgreSQL', () => {
  const handles: DatabaseHandle[] = [];
  const sandboxes: Sandbox[] = [];
  const received: string[] = [];
  const recording: typeof fetch = async (_url, init) => {
    received.push(new Headers(init?.headers).get('smartpay-event-id')!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return new Response('ok', { status: 200 });
  };

  beforeAll(async () => {
    for (let index = 0; index < 2; index += 1) {
      const handle = await openDatabase({ databaseUrl });
      await openDbStore(handle);
      handles.push(handle);
    }
    await clearSandboxTables(handles[0]!);
    for (const handle of handles) {
      sandboxes.push(newSandbox({ store: dbStoreOn(handle), fetch: recording, deliveryPollIntervalMs: 20 }));
    }
  });

  afterAll(async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await Promise.all(handles.map((handle) => handle.close()));
  });

  it('creates one session for 10 parallel requests with one key across both', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call(sandboxes[index % 2]!, 'POST', '/checkout-sessions', {
          body: validSessionBody(),
          headers: { 'Idempotency-Key': 'pg-shared-key' },
        }),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    const state = await sandboxes[1]!.snapshot();
    expect(state.checkoutSessions).toHaveLength(1);
    expect(state.webhookEndpoints).toHaveLength(1);
  });

  it('runs one owner\'s sections one at a time across both pools, and another owner\'s side by side', async () => {
    const [a, b] = handles.map((handle) => dbStoreOn(handle));
    let release!: () => void;
    let holding = false;
    const held = a!.exclusive('owner-a', () => {
      holding = true;
      return new Promise<void>((resolve) => (release = resolve));
    });
    await vi.waitFor(() => expect(holding).toBe(true)); // the first pool holds the lock
    let sameOwnerRan = false;
    const sameOwner = b!.exclusive('owner-a', async () => {
      sameOwnerRan = true;
    });
    // Through the other pool, another owner's section completes while owner-a's is held.
    expect(await b!.exclusive('owner-b', async () => 'done')).toBe('done');
    expect(sameOwnerRan).toBe(false);
    release();
    await held;
    await sameOwner;
    expect(sameOwnerRan).toBe(true);
  });

  it('attempts each delivery from one pool only', async () => {
    for (let index = 0; index < 6; index += 1) {
      const session = await createSession(sandboxes[index % 2]!);
      await call(sandboxes[(index + 1) % 2]!, 'POST', `/testing/checkout-sessions/${session.id}/outcome`, {
        body: { outcome: 'approve' },
      });
    }
    await Promise.all(sandboxes.map((sandbox) => sandbox.flushDeliveries()));
    const state = await sandboxes[0]!.snapshot();
    expect(state.events).toHaveLength(12);
    expect(state.deliveries.every((delivery) => delivery.state === 'succeeded' && delivery.attempts.length === 1)).toBe(true);
    expect([...received].sort()).toEqual(state.events.map((event) => event.id).sort());
  });

  it('cancels an expired authorization once across both pools', async () => {
    let now = Date.now();
    const timed = handles.map((handle) => newSandbox({ store: dbStoreOn(handle), now: () => now, deliveryPollIntervalMs: 0 }));
    const session = await createSession(timed[0]!, { captureMethod: 'manual' });
    await timed[1]!.completeCheckout(session.id, 'approve');
    now += 7 * 24 * 60 * 60 * 1000;
    const counts = await Promise.all([...timed, ...timed].map((sandbox) => sandbox.expireAuthorizations()));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    const state = await timed[0]!.snapshot();
    expect(state.orders.find((order) => order.id === session.order.id)!.status).toBe('canceled');
    const canceled = state.events.filter((event) => event.eventData.type === 'order.canceled');
    expect(canceled.filter((event) => (event.eventData.data as { id: string }).id === session.order.id)).toHaveLength(1);
    await Promise.all(timed.map((sandbox) => sandbox.close()));
  });

  it('keeps objects to their key across both', async () => {
    const theirs = await call(sandboxes[0]!, 'POST', '/checkout-sessions', { key: OTHER_KEY, body: validSessionBody() });
    expect((await call(sandboxes[1]!, 'GET', `/checkout-sessions/${theirs.body.id}`, { key: OTHER_KEY })).status).toBe(200);
    expect((await call(sandboxes[1]!, 'GET', `/checkout-sessions/${theirs.body.id}`)).status).toBe(404);
  });

  it('shares rate-limit counters between both pools', async () => {
    const limiters = handles.map((handle) => databaseRateLimiter(handle.db, 3, 1000));
    const verdicts = await Promise.all(
      Array.from({ length: 6 }, (_, index) => limiters[index % 2]!.take({ owner: 'pg-owner', ip: `192.0.2.${index}`, shop: false, write: false })),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3);
  });

  it('purges once when both pools purge at the same time', async () => {
    await createSession(sandboxes[0]!);
    const before = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const results = await Promise.all(sandboxes.map((sandbox) => sandbox.purge(before)));
    const done = results.filter((result) => result !== undefined);
    expect(done.length).toBeGreaterThanOrEqual(1);
    const total = done.reduce((sum, result) => sum + result!.records, 0);
    expect(total).toBeGreaterThanOrEqual(7);
    const state = await sandboxes[1]!.snapshot();
    expect(state.checkoutSessions).toEqual([]);
    expect(state.webhookEndpoints).toHaveLength(1);
  });
});
