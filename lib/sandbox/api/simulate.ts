import { ApiError, JSON_HEADERS, UnauthorizedError } from './errors';

/** Failures on demand: chosen by the `Sandbox-Simulate` header or a `+sandbox_<scenario>@` e-mail. */

export const SCENARIOS = ['400', '401', '404', '409', '429', '500', '503', 'malformed', 'slow'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SIMULATE_HEADER = 'Sandbox-Simulate';
const EMAIL_TRIGGER = /\+sandbox_([0-9a-z]+)@/i;

const isScenario = (value: string): value is Scenario => (SCENARIOS as readonly string[]).includes(value);

function emailOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const customerInfo = (body as { customerInfo?: unknown }).customerInfo;
  if (!customerInfo || typeof customerInfo !== 'object') return undefined;
  const email = (customerInfo as { emailAddress?: unknown }).emailAddress;
  return typeof email === 'string' ? email : undefined;
}

/**
 * The scenario asked for, if any. An unknown header value is a 400 (so typos are noticed);
 * an unknown e-mail scenario is ignored (it is an ordinary address then).
 */
export function scenarioOf(headers: Headers, body: unknown): Scenario | undefined {
  const header = headers.get(SIMULATE_HEADER)?.trim().toLowerCase();
  if (header) {
    if (isScenario(header)) return header;
    throw new ApiError(400, 'request.invalid', `Unknown ${SIMULATE_HEADER} scenario "${header}"`, [
      { path: SIMULATE_HEADER, message: `must be one of ${SCENARIOS.join(', ')}` },
    ]);
  }
  const match = EMAIL_TRIGGER.exec(emailOf(body) ?? '');
  const fromEmail = match?.[1]?.toLowerCase();
  return fromEmail && isScenario(fromEmail) ? fromEmail : undefined;
}

/** How long the `slow` scenario waits when the sandbox is not told otherwise (`createSandbox({ slowMs })`). */
export const DEFAULT_SLOW_MS = 15_000;

/** What a route is about, for realistic error codes. */
export interface RouteInfo {
  method: string;
  /** e.g. `checkout-session`, `order`, `payment`, `refund`, `token`, `webhook-endpoint` */
  resource: string;
  /** The sub-action, e.g. `cancellation`. */
  action?: string;
}

function notFoundCode(route: RouteInfo): string {
  if (route.method === 'POST' && route.resource === 'payment') return 'order.not-found';
  if (route.method === 'POST' && route.resource === 'refund') return 'payment.not-found';
  if (route.method === 'POST' && route.resource === 'order') return 'token.not-found';
  return `${route.resource}.not-found`;
}

function conflictCode(route: RouteInfo): string {
  if (route.action === 'cancellation') return 'order.cannot-cancel';
  if (route.method === 'POST' && route.resource === 'payment') return 'order.cannot-capture';
  return `${route.resource}.conflict`;
}

/** The error (or broken answer) of a failure scenario; `undefined` for `slow`, which answers normally. */
export function simulatedResponse(scenario: Scenario, route: RouteInfo): Response | undefined {
  const simulated = `Simulated by ${SIMULATE_HEADER}: ${scenario}`;
  const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    new ApiError(status, code, `${message} (${simulated})`, [], headers);
  let failure: ApiError;
  switch (scenario) {
    case 'slow':
      return undefined;
    case 'malformed':
      return new Response('{"id":"checkout_test_', { status: 200, headers: JSON_HEADERS });
    case '400':
      failure = new ApiError(400, 'request.invalid', `Input parameter or payload is invalid (${simulated})`, [
        { path: 'amount', message: 'is invalid (simulated)' },
      ]);
      break;
    case '401':
      failure = new UnauthorizedError(`Invalid API key (${simulated})`);
      break;
    case '404':
      failure = error(404, notFoundCode(route), 'Not found');
      break;
    case '409':
      failure = error(409, conflictCode(route), 'The object is not in a state that allows this request');
      break;
    case '429':
      failure = error(429, 'request.too-many-requests', 'Too many requests', { 'Retry-After': '1' });
      break;
    case '500':
      failure = error(500, 'internal-server-error', 'Internal server error');
      break;
    case '503':
      failure = error(503, 'service-unavailable', 'Service temporarily unavailable', { 'Retry-After': '1' });
      break;
  }
  return new Response(JSON.stringify(failure.toBody()), {
    status: failure.statusCode,
    headers: { ...JSON_HEADERS, ...failure.headers },
  });
}

/**
 * The failure a request asks for (header or e-mail trigger), if any: the answer to send instead of the
 * real one, or, for `slow`, a wait before the request goes on normally (then `undefined`).
 */
export async function applySimulation(headers: Headers, body: unknown, route: RouteInfo, slowMs: number): Promise<Response | undefined> {
  const scenario = scenarioOf(headers, body);
  if (!scenario) return undefined;
  const simulated = simulatedResponse(scenario, route);
  if (simulated) return simulated;
  await new Promise<void>((resolve) => setTimeout(resolve, slowMs));
  return undefined;
}
