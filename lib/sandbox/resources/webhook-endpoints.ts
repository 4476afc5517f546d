import { newSigningSecret } from '../webhooks/base62';
import { collection } from '../api/collection';
import { invalid } from '../api/errors';
import { isTest, ok, type Handler } from '../api/handler';
import { newId } from '../store/ids';
import { listForMode, loadForMode } from '../api/load';
import type { Mode, WebhookEndpointRecord } from '../store/records';
import { requireAllowedOrigin } from '../api/url-rule';
import { createWebhookEndpointSchema, parseBody, updateWebhookEndpointSchema } from '../api/validation';

export function newWebhookEndpoint(
  mode: Mode,
  now: number,
  fields: Pick<WebhookEndpointRecord, 'url' | 'description' | 'eventSubscriptions'> & {
    metadata?: WebhookEndpointRecord['metadata'];
    signingSecret?: string;
  },
): WebhookEndpointRecord {
  return {
    id: newId('webhookEndpoint', mode),
    object: 'webhookEndpoint',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    url: fields.url,
    active: true,
    description: fields.description,
    ...(fields.eventSubscriptions ? { eventSubscriptions: fields.eventSubscriptions } : {}),
    metadata: fields.metadata ?? {},
    signingSecret: fields.signingSecret ?? newSigningSecret(),
  };
}

/**
 * Webhook endpoints one key may have in one mode. Every event of the key is delivered to each of them, in
 * the queue the whole sandbox shares; Smartpay's own limit is not published.
 */
export const WEBHOOK_ENDPOINT_LIMIT = 16;

export const createWebhookEndpoint: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createWebhookEndpointSchema, body);
  requireAllowedOrigin(core.allowedOrigin, { url: input.url });
  if ((await listForMode(core.store, 'webhookEndpoint', mode)).length >= WEBHOOK_ENDPOINT_LIMIT) {
    throw invalid(
      [{ path: '', message: `at most ${WEBHOOK_ENDPOINT_LIMIT} webhook endpoints; delete one first` }],
      `This key already has ${WEBHOOK_ENDPOINT_LIMIT} webhook endpoints`,
    );
  }
  const endpoint = newWebhookEndpoint(mode, core.now(), input);
  await core.store.put('webhookEndpoint', endpoint);
  return ok(endpoint);
};

export const getWebhookEndpoint: Handler = async ({ core, mode, params }) =>
  ok(await loadForMode(core.store, 'webhookEndpoint', params.id ?? '', mode));

export const updateWebhookEndpoint: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updateWebhookEndpointSchema, body);
  requireAllowedOrigin(core.allowedOrigin, { url: input.url });
  const endpoint = await loadForMode(core.store, 'webhookEndpoint', params.id ?? '', mode);
  const updated: WebhookEndpointRecord = {
    ...endpoint,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    updatedAt: core.now(),
  };
  await core.store.put('webhookEndpoint', updated);
  return ok(updated);
};

export const deleteWebhookEndpoint: Handler = async ({ core, mode, params }) => {
  const endpoint = await loadForMode(core.store, 'webhookEndpoint', params.id ?? '', mode);
  await core.store.delete('webhookEndpoint', endpoint.id);
  return { status: 204 };
};

export const listWebhookEndpoints: Handler = async ({ core, mode, query }) =>
  ok(await collection(await listForMode(core.store, 'webhookEndpoint', mode), query, (endpoint) => endpoint));
