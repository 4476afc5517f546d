import type { NewOrder } from '@/lib/orders/repository';

let counter = 0;

/** A unique suffix for references and ids made in tests. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

/** A new order as the checkout records it: three hojicha at ¥980 plus ¥600 shipping, unless overridden. */
export function sampleOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    reference: `SP-T${uniqueSuffix()}`,
    locale: 'ja',
    subtotal: 2940,
    shippingFee: 600,
    total: 3540,
    customer: { email: 'taro@example.com', familyName: '山田', givenName: '太郎', phone: '+819012345678' },
    shippingAddress: { postalCode: '150-0001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' },
    lines: [{ productId: 'p_hojicha', name: '京都 焙じ茶', unitPrice: 980, quantity: 3 }],
    ...overrides,
  };
}
