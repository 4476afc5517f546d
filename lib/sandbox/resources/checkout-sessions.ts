import { collection } from '../api/collection';
import { isTest, ok, type Handler, type SandboxCore } from '../api/handler';
import { sessionView, wantsExpand } from '../api/objects';
import { newId } from '../store/ids';
import { listForMode, loadForMode } from '../api/load';
import { createOrderRecord } from './line-items';
import { requireAllowedOrigin } from '../api/url-rule';
import type { CheckoutSessionRecord, Mode, TokenRecord } from '../store/records';
import {
  createCheckoutSessionSchema,
  createTokenSessionSchema,
  orderWarnings,
  parseBody,
  type CreateCheckoutSessionInput,
  type CreateTokenSessionInput,
} from '../api/validation';

export const hostedCheckoutUrl = (appUrl: string, sessionId: string) => `${appUrl}/sandbox/checkout/${sessionId}`;

/** Stores a session for an order or a token, with its hosted page URL. */
async function storeSession(
  core: SandboxCore,
  mode: Mode,
  input: CreateCheckoutSessionInput | CreateTokenSessionInput,
  target: Pick<CheckoutSessionRecord, 'order'> | Pick<CheckoutSessionRecord, 'token'>,
) {
  const now = core.now();
  const id = newId('checkoutSession', mode);
  const session: CheckoutSessionRecord = {
    id,
    object: 'checkoutSession',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    customerInfo: input.customerInfo ?? {},
    ...target,
    successUrl: input.successUrl,
    cancelUrl: input.cancelUrl,
    url: hostedCheckoutUrl(core.appUrl, id),
    locale: input.locale,
    reference: input.reference,
    description: input.description,
    metadata: input.metadata ?? {},
  };
  await core.store.put('checkoutSession', session);
  return session;
}

/** The order (with the request's warnings, if any) and its session. */
async function createSession(core: SandboxCore, mode: Mode, input: CreateCheckoutSessionInput) {
  const warnings = orderWarnings(input);
  const order = await createOrderRecord(core, mode, input, warnings.length > 0 ? { sandboxWarnings: warnings } : {});
  return { session: await storeSession(core, mode, input, { order: order.id }), warnings };
}

/** Token mode: a `requires_authorization` token (event `token.created`) and a session pointing at it. */
async function createTokenSession(core: SandboxCore, mode: Mode, input: CreateTokenSessionInput) {
  const now = core.now();
  const token: TokenRecord = {
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    id: newId('token', mode),
    object: 'token',
    status: 'requires_authorization',
    reference: input.reference,
    metadata: input.metadata ?? {},
  };
  await core.store.put('token', token);
  await core.emit('token.created', token.test, token);
  return { session: await storeSession(core, mode, input, { token: token.id }), warnings: [] };
}

const isTokenMode = (body: unknown) =>
  typeof body === 'object' && body !== null && (body as { mode?: unknown }).mode === 'token';

/** Redirect URLs are checked before anything is stored. */
function checkedUrls<T extends CreateCheckoutSessionInput | CreateTokenSessionInput>(core: SandboxCore, input: T): T {
  requireAllowedOrigin(core.allowedOrigin, { successUrl: input.successUrl, cancelUrl: input.cancelUrl });
  return input;
}

export const createCheckoutSession: Handler = async ({ core, mode, body }) => {
  const { session, warnings } = isTokenMode(body)
    ? await createTokenSession(core, mode, checkedUrls(core, parseBody(createTokenSessionSchema, body)))
    : await createSession(core, mode, checkedUrls(core, parseBody(createCheckoutSessionSchema, body)));
  return ok(await sessionView(core.store, session, true), warnings);
};

export const getCheckoutSession: Handler = async ({ core, mode, params, query }) => {
  const session = await loadForMode(core.store, 'checkoutSession', params.id ?? '', mode);
  return ok(await sessionView(core.store, session, wantsExpand(query)));
};

export const listCheckoutSessions: Handler = async ({ core, mode, query }) => {
  const sessions = await listForMode(core.store, 'checkoutSession', mode);
  const expand = wantsExpand(query);
  return ok(await collection(sessions, query, (session) => sessionView(core.store, session, expand)));
};
