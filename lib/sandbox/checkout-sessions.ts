import { collection } from './collection';
import { isTest, ok, type Handler, type SandboxCore } from './core';
import { sessionView, wantsExpand } from './expand';
import { newId } from './ids';
import { listForMode, loadForMode } from './load';
import { createOrderRecord } from './line-items';
import type { CheckoutSessionRecord, Mode, TokenRecord } from './types';
import {
  createCheckoutSessionSchema,
  createTokenSessionSchema,
  parseBody,
  type CreateCheckoutSessionInput,
  type CreateTokenSessionInput,
} from './validation';

export const hostedCheckoutUrl = (appUrl: string, sessionId: string) => `${appUrl}/sandbox/checkout/${sessionId}`;

async function createSession(core: SandboxCore, mode: Mode, input: CreateCheckoutSessionInput) {
  const now = core.now();
  const order = await createOrderRecord(core, mode, input);
  const id = newId('checkoutSession', mode);
  const session: CheckoutSessionRecord = {
    id,
    object: 'checkoutSession',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    customerInfo: input.customerInfo,
    order: order.id,
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

/** Token mode: a `requires_authorization` token (event `token.created`) and a session pointing at it. */
async function createTokenSession(core: SandboxCore, mode: Mode, input: CreateTokenSessionInput) {
  const now = core.now();
  const base = { test: isTest(mode), createdAt: now, updatedAt: now };
  const token: TokenRecord = {
    ...base,
    id: newId('token', mode),
    object: 'token',
    status: 'requires_authorization',
    reference: input.reference,
    metadata: input.metadata ?? {},
  };
  await core.store.put('token', token);
  await core.emit('token.created', token.test, token);
  const id = newId('checkoutSession', mode);
  const session: CheckoutSessionRecord = {
    ...base,
    id,
    object: 'checkoutSession',
    customerInfo: input.customerInfo ?? {},
    token: token.id,
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

const isTokenMode = (body: unknown) =>
  typeof body === 'object' && body !== null && (body as { mode?: unknown }).mode === 'token';

export const createCheckoutSession: Handler = async ({ core, mode, body }) => {
  const session = isTokenMode(body)
    ? await createTokenSession(core, mode, parseBody(createTokenSessionSchema, body))
    : await createSession(core, mode, parseBody(createCheckoutSessionSchema, body));
  return ok(await sessionView(core.store, session, true));
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
