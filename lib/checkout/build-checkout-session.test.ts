import { describe, expect, it } from 'vitest';
import { buildCheckoutSession } from '@/lib/checkout/build-checkout-session';
import { idempotencyKeyFor, orderReferenceFor } from '@/lib/checkout/attempt';
import { checkoutSchema } from '@/lib/checkout/schema';
import { priceCart, SHIPPING_FEE } from '@/lib/pricing';

const customer = checkoutSchema.parse({
  email: 'taro@example.com',
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  phone: '090-1234-5678',
  postalCode: '1500001',
  prefecture: '13',
  city: '渋谷区',
  line1: '神宮前1-2-3',
  line2: '',
});
const attemptId = '3f2a9c21-d0b4-4e5f-8a1b-2c3d4e5f6a7b';
const reference = orderReferenceFor(attemptId);
const build = (cart = priceCart([{ productId: 'p_hojicha', quantity: 3 }, { productId: 'p_washi_notebook', quantity: 1 }])) =>
  buildCheckoutSession({ cart, customer, reference, locale: 'ja', appUrl: 'https://shop.example.com', shopName: 'Smartpay ストア' });

describe('buildCheckoutSession', () => {
  it('sets amount to the items times quantities plus the shipping fee', () => {
    const body = build();
    const items = body.items.reduce((sum, item) => sum + item.amount * (item.quantity ?? 1), 0);
    expect(body.amount).toBe(items + (body.shippingInfo.feeAmount ?? 0));
    expect(body.shippingInfo.feeAmount).toBe(SHIPPING_FEE);
    expect(body.currency).toBe('JPY');
    expect(body.items.every((item) => Number.isInteger(item.amount) && item.currency === 'JPY')).toBe(true);
  });

  it('describes each item with name, unit amount, quantity, reference, URL and image', () => {
    const [first] = build().items;
    expect(first).toMatchObject({
      kind: 'product',
      amount: 980,
      quantity: 3,
      reference: 'p_hojicha',
      url: 'https://shop.example.com/products/roasted-hojicha',
      images: ['https://shop.example.com/products/roasted-hojicha.svg'],
    });
    expect(first?.name).toBe('京都 焙じ茶');
    expect(first?.brand).toBe('鴨川製茶');
  });

  it('sends the address, E.164 phone, locale, reference, description and URLs Smartpay expects', () => {
    const body = build();
    expect(body.shippingInfo.address).toEqual({
      line1: '神宮前1-2-3',
      locality: '渋谷区',
      administrativeArea: '東京都',
      postalCode: '150-0001',
      country: 'JP',
    });
    expect(body.customerInfo).toMatchObject({
      emailAddress: 'taro@example.com',
      lastName: '山田',
      firstName: '太郎',
      lastNameKana: 'ヤマダ',
      phoneNumber: '+819012345678',
    });
    expect(body.locale).toBe('ja');
    expect(body.captureMethod).toBe('automatic');
    expect(body.reference).toBe('SP-3F2A9C21D0B4');
    expect(body.reference!.length).toBeLessThanOrEqual(40);
    expect(body.description!.length).toBeGreaterThanOrEqual(1);
    expect(body.description!.length).toBeLessThanOrEqual(80);
    expect(body.successUrl).toBe('https://shop.example.com/success?ref=SP-3F2A9C21D0B4');
    expect(body.cancelUrl).toBe('https://shop.example.com/cancel?ref=SP-3F2A9C21D0B4');
    expect(Object.keys(body.metadata ?? {}).length).toBeLessThanOrEqual(20);
  });

  it('asks for manual capture when the shop is configured for it', () => {
    const body = buildCheckoutSession({
      cart: priceCart([{ productId: 'p_sencha', quantity: 1 }]),
      customer,
      reference,
      locale: 'en',
      appUrl: 'https://shop.example.com',
      shopName: 'Shop',
      captureMethod: 'manual',
    });
    expect(body.captureMethod).toBe('manual');
    expect(body.locale).toBe('en');
  });

  it('ships free above the threshold', () => {
    const body = build(priceCart([{ productId: 'p_kyusu', quantity: 1 }]));
    expect(body.shippingInfo.feeAmount).toBe(0);
    expect(body.amount).toBe(body.items[0]!.amount);
  });

  it('refuses an empty cart and more than 50 lines', () => {
    expect(() => build(priceCart([]))).toThrow(/empty/);
    const big = priceCart([{ productId: 'p_sencha', quantity: 1 }]);
    const tooMany = { ...big, lines: Array.from({ length: 51 }, () => big.lines[0]!) };
    expect(() => build(tooMany)).toThrow(/50/);
  });

  it('keeps the idempotency key stable for one order and body, and changes it with the body', () => {
    const body = build();
    expect(reference).toBe('SP-3F2A9C21D0B4');
    expect(idempotencyKeyFor(reference, body)).toBe(idempotencyKeyFor(reference, build()));
    expect(idempotencyKeyFor(reference, { ...body, amount: 1 })).not.toBe(idempotencyKeyFor(reference, body));
    expect(idempotencyKeyFor(reference, body)).toMatch(/^checkout-SP-3F2A9C21D0B4-[0-9a-f]{16}$/);
  });
});
