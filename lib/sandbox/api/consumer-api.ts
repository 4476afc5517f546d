import { readJsonBody, requireObjectBody } from './body';
import type { SandboxCore } from './handler';
import { authenticateConsumer, CONSUMER_OWNER, consumerIdOf } from '../resources/consumers';
import { ApiError, errorResponse, jsonResponse, notFound } from './errors';
import { isIdOf } from '../store/ids';
import { matchRoute, type RouteMatch } from './router';
import { applySimulation } from './simulate';
import type { SandboxStore } from '../store/store';

/**
 * The pipeline of the consumer routes (router.ts, flagged `consumer`): the shopper's side that Smartpay's SDK
 * suites use instead of a browser. They authenticate a test consumer, not a secret key: the login route takes
 * the consumer's e-mail address and password, the others `Authorization: Bearer <accessToken>`. Then: rate
 * limit (per consumer and per client address), capped body, failures on demand, and the handler in an exclusive
 * section as the owner of the order or token (so events go to that owner's webhook endpoints, as from the
 * hosted page), always in test mode. No `Idempotency-Key` handling.
 */

export interface ShopperPipeline {
  /** The whole store (every owner's records). */
  store: SandboxStore;
  now(): number;
  /** sandbox.ts: runs `work` in an exclusive section as `owner`. */
  exclusive<T>(owner: string, work: (core: SandboxCore) => Promise<T>): Promise<T>;
  /** sandbox.ts: counts the call against `owner` and the client address; 429 when over. */
  limit(owner: string, request: Request): Promise<void>;
  /** How long the `slow` scenario waits. */
  slowMs: number;
}


/** A consumer route under `prefix`, if the request is for one. */
export function matchShopperRoute(method: string, pathname: string, prefix: string): RouteMatch | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const match = matchRoute(method, pathname.slice(prefix.length).split('/').filter(Boolean));
  return match?.route.consumer ? match : undefined;
}

const KINDS = { order: 'order', token: 'token' } as const;

/** Whose order or token the request is about: the section runs as that owner. */
async function ownerOfTarget(store: SandboxStore, match: RouteMatch): Promise<string> {
  const kind = KINDS[match.route.resource as keyof typeof KINDS];
  if (!kind) return CONSUMER_OWNER;
  const id = match.params.id ?? '';
  const owner = isIdOf(kind, id) ? await store.ownerOf(kind, id) : undefined;
  if (owner === undefined) throw notFound(match.route.resource, id);
  return owner;
}

function emailOf(body: unknown): string | undefined {
  const email = body && typeof body === 'object' ? (body as { emailAddress?: unknown }).emailAddress : undefined;
  return typeof email === 'string' ? email : undefined;
}

export async function handleShopperRequest(pipeline: ShopperPipeline, request: Request, match: RouteMatch): Promise<Response> {
  try {
    const method = request.method.toUpperCase();
    const login = match.route.resource === 'consumer';
    const consumers = pipeline.store.forOwner(CONSUMER_OWNER);
    const consumer = login ? undefined : await authenticateConsumer({ store: consumers, now: pipeline.now }, request.headers.get('authorization'));
    const json = await readJsonBody(request, method);
    const email = emailOf(json.body);
    await pipeline.limit(consumer?.id ?? (email ? consumerIdOf(email) : CONSUMER_OWNER), request);

    const simulated = await applySimulation(request.headers, json.body, match.route, pipeline.slowMs);
    if (simulated) return simulated;
    requireObjectBody(json);

    const owner = await ownerOfTarget(pipeline.store, match);
    const result = await pipeline.exclusive(owner, (core) =>
      match.route.handler({ core, mode: 'test', params: match.params, query: new URL(request.url).searchParams, body: json.body }),
    );
    return result.body === undefined ? new Response(null, { status: result.status }) : jsonResponse(result.status, result.body);
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    throw error;
  }
}
