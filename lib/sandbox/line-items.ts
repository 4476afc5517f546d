import { isTest, type SandboxCore } from './core';
import { newId } from './ids';
import type { LineItemRecord, Mode } from './types';
import type { CheckoutItemInput } from './validation';

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
