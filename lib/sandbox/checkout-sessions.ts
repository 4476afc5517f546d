import { collection } from './collection';
import { isTest, ok, type Handler, type SandboxCore } from './core';
import { sessionView, wantsExpand } from './expand';
import { newId } from './ids';
import { listForMode, loadForMode } from './load';
import type { CheckoutSessionRecord, LineItemRecord, Mode, OrderRecord } from './types';
import { createCheckoutSessionSchema, parseBody, type CheckoutItemInput, type CreateCheckoutSessionInput } from './validation';

export const hostedCheckoutUrl = (appUrl: string, sessionId: string) => `${appUrl}/sandbox/checkout/${sessionId}`;

async function createLineItem(core: SandboxCore, mode: Mode, item: CheckoutItemInput): Promise<LineItemRecord> {
  const now = core.now();
  const base = { test: isTest(mode), createdAt: now, updatedAt: now };
  const kind = item.kind ?? 'product';
  let priceId: string | undefined;
  if (kind === 'product') {
    const productId = newId('product', mode);
    await core.store.put('product', {
      ...base,
      id: productId,
      object: 'product',
      active: true,
      name: item.name ?? '',
      brand: item.brand,
      categories: item.categories ?? [],
      description: item.productDescription,
      gtin: item.gtin,
      images: item.images ?? [],
      reference: item.reference,
      url: item.url,
      metadata: item.productMetadata ?? {},
    });
    priceId = newId('price', mode);
    await core.store.put('price', {
      ...base,
      id: priceId,
      object: 'price',
      active: true,
      amount: item.amount,
      currency: 'JPY',
      label: item.label,
      description: item.priceDescription,
      metadata: item.priceMetadata ?? {},
      product: productId,
    });
  }
  const lineItem: LineItemRecord = {
    ...base,
    id: newId('lineItem', mode),
    object: 'lineItem',
    kind,
    amount: item.amount,
    currency: 'JPY',
    quantity: item.quantity ?? 1,
    // Tax and discount lines have no product, so their name is kept as the line's description.
    description: kind === 'product' ? item.description : (item.description ?? item.name),
    metadata: item.metadata ?? {},
    ...(priceId ? { price: priceId } : {}),
  };
  await core.store.put('lineItem', lineItem);
  return lineItem;
}

async function createSession(core: SandboxCore, mode: Mode, input: CreateCheckoutSessionInput) {
  const now = core.now();
  const lineItems: string[] = [];
  for (const item of input.items) lineItems.push((await createLineItem(core, mode, item)).id);
  const order: OrderRecord = {
    id: newId('order', mode),
    object: 'order',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    amount: input.amount,
    currency: 'JPY',
    status: 'requires_authorization',
    captureMethod: input.captureMethod ?? 'automatic',
    description: input.description,
    reference: input.reference,
    metadata: input.metadata ?? {},
    customerInfo: input.customerInfo,
    shippingInfo: input.shippingInfo,
    lineItems,
    payments: [],
  };
  await core.store.put('order', order);
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

export const createCheckoutSession: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createCheckoutSessionSchema, body);
  const session = await createSession(core, mode, input);
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
