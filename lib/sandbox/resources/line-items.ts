import { isTest, type SandboxCore } from '../api/handler';
import { newId } from '../store/ids';
import type { CaptureMethod, LineItemRecord, Metadata, Mode, OrderRecord, ShippingInfo } from '../store/records';
import type { CheckoutItemInput } from '../api/validation';

/** Stores one requested item as a line item (with a price and product for product items). */
export async function createLineItem(core: SandboxCore, mode: Mode, item: CheckoutItemInput): Promise<LineItemRecord> {
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

/** What an order is made from: a checkout session's order part, or `POST /orders` with a token. */
export interface NewOrderInput {
  amount: number;
  items: CheckoutItemInput[];
  captureMethod?: CaptureMethod;
  description?: string;
  reference?: string;
  metadata?: Metadata;
  shippingInfo: ShippingInfo;
}

/**
 * Stores a new `requires_authorization` order with its line items; `extra` may carry its `tokenId` and the
 * warnings of its request (kept with the order for the dashboard).
 */
export async function createOrderRecord(
  core: SandboxCore,
  mode: Mode,
  input: NewOrderInput,
  extra: Pick<OrderRecord, 'tokenId' | 'sandboxWarnings'> = {},
): Promise<OrderRecord> {
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
    shippingInfo: input.shippingInfo,
    lineItems,
    payments: [],
    discounts: [],
    ...extra,
  };
  await core.store.put('order', order);
  return order;
}
