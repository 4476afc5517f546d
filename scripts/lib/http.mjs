// HTTP helpers of the bench scripts: a per-shopper cookie jar, requests that never follow redirects,
// a bounded worker pool and latency statistics.
import http from 'node:http';

/** Cookies as a browser keeps them for one host (path and expiry beyond deletion are ignored). */
export class CookieJar {
  #cookies = new Map();

  set(name, value) {
    this.#cookies.set(name, value);
  }

  get(name) {
    return this.#cookies.get(name);
  }

  /** Keeps every `Set-Cookie` of a response; an empty value, `Max-Age<=0` or a past `Expires` deletes the cookie. */
  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, val = ''] = attribute.split('=').map((s) => s.trim());
        if (/^max-age$/i.test(key)) return Number(val) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(val) < Date.now();
        return false;
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** [name, value] pairs, e.g. to give a real browser the same cookies. */
  entries() {
    return [...this.#cookies];
  }
}

let freshConnections = false;

/**
 * From now on every request opens its own connection and closes it (`Connection: close`), so a server that
 * stops can never close an idle kept-alive connection under a request being sent on it: what the client
 * then sees is either a refused connection (the request never reached the server) or the server's answer.
 */
export function openFreshConnections() {
  freshConnections = true;
}

/** One request without following redirects; the jar, when given, sends and keeps cookies. */
export async function request(url, { method = 'GET', jar, headers = {}, body, timeoutMs = 30_000 } = {}) {
  const cookie = jar?.header();
  const init = { method, body, headers: { ...headers, ...(cookie ? { cookie } : {}) }, timeoutMs };
  const response = freshConnections
    ? await requestOnFreshConnection(url, init)
    : await fetch(url, { method, body, redirect: 'manual', headers: init.headers, signal: AbortSignal.timeout(timeoutMs) });
  jar?.store(response);
  return response;
}

async function requestOnFreshConnection(url, { method, body, headers, timeoutMs }) {
  // Serialize the body (FormData, string) as fetch would, with its Content-Type.
  const encoded = body === undefined ? undefined : new Request(url, { method, body });
  const bytes = encoded ? Buffer.from(await encoded.arrayBuffer()) : undefined;
  const contentType = encoded?.headers.get('content-type');
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method,
        agent: false,
        headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers, connection: 'close', ...(bytes ? { 'content-length': bytes.length } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) answer.append(name, String(item));
          }
          const status = res.statusCode ?? 0;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: answer }));
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' })));
    req.on('error', (error) => reject(Object.assign(new TypeError(`request to ${url} failed`), { cause: error })));
    req.end(bytes);
  });
}

/** Runs `task(item, index)` for every item with at most `concurrency` at a time; returns the results in order. */
export async function runPool(items, concurrency, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Latency figures (ms) and throughput (requests/s over the phase's wall time). */
export function summarize(latencies, wallMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    throughput: wallMs > 0 ? (sorted.length * 1000) / wallMs : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    wallMs,
  };
}

export const isNetworkError = (error) => error instanceof TypeError || error?.name === 'AbortError' || error?.name === 'TimeoutError';
