import { newId } from './ids';
import { signWebhook } from './signature';
import type { SandboxStore } from './store';
import type { DeliveryRecord, EventRecord, WebhookEndpointRecord } from './types';

/** Waits between attempts: 1 s, 5 s, 30 s, 2 min, so at most 5 attempts. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
export const ATTEMPT_TIMEOUT_MS = 5_000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    (timer as { unref?: () => void }).unref?.();
  });

const subscribed = (endpoint: WebhookEndpointRecord, type: string) =>
  !endpoint.eventSubscriptions || endpoint.eventSubscriptions.includes(type);

/**
 * Sends events to webhook endpoints in the background. Only HTTP 200 counts as delivered;
 * anything else (or no answer within 5 s) is retried after the configured delays.
 */
export class WebhookDispatcher {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      store: SandboxStore;
      now(): number;
      fetch: typeof fetch;
      retryDelaysMs: number[];
      timeoutMs?: number;
    },
  ) {}

  /** Starts delivering `event` to every active, subscribed endpoint of its mode; returns at once. */
  dispatch(event: EventRecord): void {
    this.track(this.fanOut(event));
  }

  /** Resolves when every delivery started so far (retries included) has finished. */
  async flush(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => console.error('[sandbox] webhook delivery failed', error));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  private async fanOut(event: EventRecord): Promise<void> {
    const type = event.eventData.type;
    const endpoints = (await this.deps.store.list('webhookEndpoint')).filter(
      (endpoint) => endpoint.active && endpoint.test === event.test && subscribed(endpoint, type),
    );
    for (const endpoint of endpoints) {
      const now = this.deps.now();
      const delivery: DeliveryRecord = {
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
      };
      await this.deps.store.put('delivery', delivery);
      this.track(this.deliver(event, delivery));
    }
  }

  private async attempt(endpoint: WebhookEndpointRecord, event: EventRecord, body: string) {
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

  private async deliver(event: EventRecord, initial: DeliveryRecord): Promise<void> {
    const body = JSON.stringify(event);
    let delivery = initial;
    for (let attemptIndex = 0; ; attemptIndex += 1) {
      const endpoint = await this.deps.store.get('webhookEndpoint', delivery.endpointId);
      if (!endpoint || !endpoint.active) {
        delivery = { ...delivery, state: 'failed', nextAttemptAt: undefined, updatedAt: this.deps.now() };
        await this.deps.store.put('delivery', delivery);
        return;
      }
      const result = await this.attempt(endpoint, event, body);
      const delay = this.deps.retryDelaysMs[attemptIndex];
      const delivered = result.statusCode === 200;
      const state = delivered ? 'succeeded' : delay === undefined ? 'failed' : 'pending';
      delivery = {
        ...delivery,
        attempts: [...delivery.attempts, result],
        state,
        nextAttemptAt: state === 'pending' ? this.deps.now() + (delay ?? 0) : undefined,
        updatedAt: this.deps.now(),
      };
      await this.deps.store.put('delivery', delivery);
      if (state !== 'pending') return;
      await sleep(delay ?? 0);
    }
  }
}
