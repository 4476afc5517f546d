import { randomUUID } from 'node:crypto';
import { newId } from '../store/ids';
import { signWebhook } from './signature';
import type { DeliveryClaim, SandboxStore } from '../store/store';
import type { DeliveryAttempt, DeliveryRecord, EventRecord, WebhookEndpointRecord } from '../store/records';

/** Waits between attempts: 1 s, 5 s, 30 s, 2 min, so at most 5 attempts. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
export const ATTEMPT_TIMEOUT_MS = 5_000;
/** How often every process looks for due deliveries (its own are also started at once after each change). */
export const DEFAULT_POLL_INTERVAL_MS = 300;
/** A claimed delivery is left to its claimant this long; after that another process may take it. */
const CLAIM_LEASE_MS = 30_000;
const CLAIM_BATCH = 10;
/**
 * Deliveries one process attempts at once. Each attempt makes the receiver do work (the shop fetches the
 * order back from the API), so a burst of events is sent a few at a time rather than all together.
 */
const MAX_IN_FLIGHT = 4;
/**
 * One of those is kept for `firstOwner`'s deliveries: anyone can invent a key and register an
 * endpoint that never answers, and its deliveries, each held for the whole attempt timeout, must not keep
 * the shop's own waiting. Claiming `firstOwner`'s first is not enough: a slot frees only when an attempt ends.
 */
const MAX_OTHERS_IN_FLIGHT = MAX_IN_FLIGHT - 1;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });

const subscribed = (endpoint: WebhookEndpointRecord, type: string) =>
  !endpoint.eventSubscriptions || endpoint.eventSubscriptions.includes(type);

/**
 * Records one pending delivery of `event` per active, subscribed endpoint of its mode, due at once.
 * `store` is the event owner's view, so only that owner's endpoints get it. Runs inside the change that
 * emitted the event, so deliveries exist exactly when the event does.
 */
export async function enqueueDeliveries(store: SandboxStore, event: EventRecord, now: number, dueAt: number): Promise<number> {
  const type = event.eventData.type;
  const endpoints = (await store.list('webhookEndpoint')).filter(
    (endpoint) => endpoint.active && endpoint.test === event.test && subscribed(endpoint, type),
  );
  for (const endpoint of endpoints) {
    await store.put('delivery', {
      id: newId('delivery', event.test ? 'test' : 'live'),
      test: event.test,
      createdAt: now,
      updatedAt: now,
      eventId: event.id,
      eventType: type,
      endpointId: endpoint.id,
      url: endpoint.url,
      state: 'pending',
      attempts: [],
      nextAttemptAt: dueAt,
    });
  }
  return endpoints.length;
}

export interface DispatcherDeps {
  store: SandboxStore;
  /** Sandbox time: attempts' `at` and signature timestamps. */
  now(): number;
  /** Wall-clock time shared by every process: when deliveries are due. */
  clock?(): number;
  fetch: typeof fetch;
  retryDelaysMs: number[];
  timeoutMs?: number;
  pollIntervalMs?: number;
  /** Whose deliveries are attempted first (the shop's own key's digest): see `DeliveryClaim.first`. */
  firstOwner: string;
}

/**
 * Sends stored pending deliveries. Each process claims due deliveries (so one process at a time
 * attempts each), POSTs them, records the attempt and schedules the next one. Only HTTP 200 counts
 * as delivered; anything else (or no answer within 5 s) is retried after the configured delays.
 */
export class WebhookDispatcher {
  private readonly owner = randomUUID();
  private readonly running = new Set<Promise<void>>();
  /** Of `running`, the attempts of deliveries not `firstOwner`'s. */
  private othersRunning = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  private clock(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Starts polling for due deliveries (also those left pending by another or an earlier process). */
  start(): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      this.timer = undefined;
      if (this.stopped) return;
      void this.pump().finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(tick, this.deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
        this.timer.unref?.();
      });
    };
    tick();
  }

  /** Looks for due deliveries now (after a change that emitted events); returns at once. */
  wake(): void {
    void this.pump();
  }

  /** Stops polling and waits for the attempts in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.pumping;
    await this.settle();
  }

  /** Resolves when no delivery is pending any more (retries included), whoever attempts them. */
  async flush(): Promise<void> {
    for (;;) {
      await this.pump();
      await this.settle();
      const next = await this.deps.store.nextPendingDeliveryAt();
      if (next === undefined) return;
      const wait = Math.min(Math.max(next - this.clock(), 5), this.deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
      await sleep(wait);
    }
  }

  private async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private pump(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = this.claimAll()
      .catch((error: unknown) => console.error('[sandbox] could not claim webhook deliveries', error))
      .finally(() => {
        this.pumping = undefined;
      });
    return this.pumping;
  }

  private async claimAll(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        if (this.stopped) return;
        const room = Math.min(CLAIM_BATCH, MAX_IN_FLIGHT - this.running.size);
        if (room <= 0) break;
        const own = await this.claim({ limit: room, only: 'first' });
        for (const delivery of own) this.track(this.deliver(delivery), false);
        const othersRoom = Math.min(room - own.length, MAX_OTHERS_IN_FLIGHT - this.othersRunning);
        const others = othersRoom > 0 ? await this.claim({ limit: othersRoom, only: 'others' }) : [];
        for (const delivery of others) this.track(this.deliver(delivery), true);
        // Round again only if a claim was filled: more may be due.
        if (own.length < room && (othersRoom <= 0 || others.length < othersRoom)) break;
      }
    } while (this.again);
  }

  private claim(claim: Pick<DeliveryClaim, 'limit' | 'only'>): Promise<DeliveryRecord[]> {
    return this.deps.store.claimDueDeliveries({ now: this.clock(), leaseMs: CLAIM_LEASE_MS, owner: this.owner, first: this.deps.firstOwner, ...claim });
  }

  private track(work: Promise<void>, other: boolean): void {
    const tracked = work.catch((error: unknown) => console.error('[sandbox] webhook delivery failed', error));
    this.running.add(tracked);
    if (other) this.othersRunning += 1;
    void tracked.finally(() => {
      this.running.delete(tracked);
      if (other) this.othersRunning -= 1;
      // A slot is free: take the next due delivery, if any.
      this.wake();
    });
  }

  private async attempt(endpoint: WebhookEndpointRecord, event: EventRecord, body: string): Promise<DeliveryAttempt> {
    const at = this.deps.now();
    const timestamp = String(at);
    const started = performance.now();
    try {
      const response = await this.deps.fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Smartpay-Signature': signWebhook(endpoint.signingSecret, timestamp, body),
          'Smartpay-Signature-Timestamp': timestamp,
          'Smartpay-Subscription-Id': endpoint.id,
          'Smartpay-Event-Id': event.id,
          'User-Agent': 'Smartpay-Sandbox-Webhooks/1.0',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? ATTEMPT_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      return { at, durationMs: Math.round(performance.now() - started), statusCode: response.status };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { at, durationMs: Math.round(performance.now() - started), error: message };
    }
  }

  /** One attempt of a claimed delivery; writing the result releases the claim. */
  private async deliver(delivery: DeliveryRecord): Promise<void> {
    const { store } = this.deps;
    const endpoint = await store.get('webhookEndpoint', delivery.endpointId);
    const event = await store.get('event', delivery.eventId);
    if (!endpoint || !endpoint.active || !event) {
      await store.put('delivery', { ...delivery, state: 'failed', nextAttemptAt: undefined, updatedAt: this.deps.now() });
      return;
    }
    const result = await this.attempt(endpoint, event, JSON.stringify(event));
    const delay = this.deps.retryDelaysMs[delivery.attempts.length];
    const state = result.statusCode === 200 ? 'succeeded' : delay === undefined ? 'failed' : 'pending';
    const updated: DeliveryRecord = {
      ...delivery,
      attempts: [...delivery.attempts, result],
      state,
      nextAttemptAt: state === 'pending' ? this.clock() + (delay ?? 0) : undefined,
      updatedAt: this.deps.now(),
    };
    await store.put('delivery', updated);
    if (state === 'pending') void sleep(delay ?? 0).then(() => this.wake());
  }
}
