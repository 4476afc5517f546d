import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * `Server-Timing` for answers whose code cannot set a header itself. A server action has no way to set a
 * response header in Next.js 16 (vercel/next.js#12382), so the checkout action adds its figures here
 * (`addServerTiming`), and `installServerTiming` (run once by instrumentation.ts) writes them into the answer
 * of the HTTP request they were added in, when its headers go out: a list is opened for each POST (a server
 * action is always one) as Node.js starts it (the `http.server.request.start` diagnostics channel) and follows
 * that request's work (AsyncLocalStorage); pages and other GETs pass untouched. Work outside such a request,
 * such as a test calling the action directly or a GET, adds nothing.
 */
export interface ServerTimingMetric {
  /** A token, such as `db`. */
  name: string;
  durationMs: number;
  description?: string;
}

const STORAGE_KEY = Symbol.for('smartpay-shop.server-timing');
// instrumentation.ts and the app's code are bundled apart, each with its own copy of this module: one list per request for both.
const storage: AsyncLocalStorage<ServerTimingMetric[]> = ((globalThis as Record<symbol, unknown>)[STORAGE_KEY] ??=
  new AsyncLocalStorage<ServerTimingMetric[]>()) as AsyncLocalStorage<ServerTimingMetric[]>;

/** Adds figures to the `Server-Timing` of the HTTP request being answered, if any. */
export function addServerTiming(...metrics: ServerTimingMetric[]): void {
  storage.getStore()?.push(...metrics);
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The header's value: `db;dur=3.1;desc="database", total;dur=14.2`. */
export function serverTimingHeader(metrics: readonly ServerTimingMetric[]): string {
  return metrics
    .filter((metric) => TOKEN.test(metric.name) && Number.isFinite(metric.durationMs))
    .map(({ name, durationMs, description }) => {
      const desc = description === undefined ? '' : `;desc="${description.replace(/[\\"]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}"`;
      return `${name};dur=${durationMs.toFixed(1)}${desc}`;
    })
    .join(', ');
}

let installed = false;

/** Opens a list for each POST this process serves, written as `Server-Timing` when the answer's headers go out. */
export function installServerTiming(): void {
  if (installed) return;
  installed = true;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (request.method !== 'POST') return;
    const metrics: ServerTimingMetric[] = [];
    // The request's handlers run after this, in the same turn: what they start carries this list.
    storage.enterWith(metrics);
    const writeHead = response.writeHead;
    response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      if (metrics.length > 0 && !this.headersSent) this.setHeader('Server-Timing', serverTimingHeader(metrics));
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
  });
}
