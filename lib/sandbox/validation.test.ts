import { afterEach, describe, expect, it } from 'vitest';
import { call, newSandbox, validSessionBody } from './testing';

type Body = ReturnType<typeof validSessionBody> & Record<string, unknown>;
type Case = [name: string, mutate: (body: Body) => void, path: string];

const item = (body: Body) => (body.items as Record<string, unknown>[])[0]!;
const shipping = (body: Body) => body.shippingInfo as Record<string, unknown>;
const address = (body: Body) => shipping(body).address as Record<string, unknown>;

const cases: Case[] = [
  ['amount missing', (b) => delete b.amount, 'amount'],
  ['amount not an integer', (b) => (b.amount = 10.5), 'amount'],
  ['amount negative', (b) => (b.amount = -1), 'amount'],
  ['amount differs from the items', (b) => (b.amount = 9999), 'amount'],
  ['currency missing', (b) => delete b.currency, 'currency'],
  ['currency not JPY', (b) => (b.currency = 'USD'), 'currency'],
  ['currency lower case', (b) => (b.currency = 'jpy'), 'currency'],
  ['items missing', (b) => delete b.items, 'items'],
  ['items empty', (b) => (b.items = []), 'items'],
  ['more than 50 items', (b) => (b.items = Array.from({ length: 51 }, () => ({ name: 'x', amount: 0 }))), 'items'],
  ['no product item', (b) => (b.items = [{ kind: 'tax', name: 'tax', amount: 0 }]), 'items'],
  ['unknown item kind', (b) => (item(b).kind = 'shipping'), 'items.0.kind'],
  ['product without name', (b) => delete item(b).name, 'items.0.name'],
  ['item amount missing', (b) => delete item(b).amount, 'items.0.amount'],
  ['item amount negative', (b) => (item(b).amount = -5), 'items.0.amount'],
  ['item amount not an integer', (b) => (item(b).amount = 1.5), 'items.0.amount'],
  ['item quantity negative', (b) => (item(b).quantity = -1), 'items.0.quantity'],
  ['item quantity not an integer', (b) => (item(b).quantity = 1.5), 'items.0.quantity'],
  ['item currency not JPY', (b) => (item(b).currency = 'USD'), 'items.0.currency'],
  ['description empty', (b) => (b.description = ''), 'description'],
  ['description over 80', (b) => (b.description = 'x'.repeat(81)), 'description'],
  ['reference empty', (b) => (b.reference = ''), 'reference'],
  ['reference over 40', (b) => (b.reference = 'x'.repeat(41)), 'reference'],
  ['metadata over 20 keys', (b) => (b.metadata = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']))), 'metadata'],
  ['locale unknown', (b) => (b.locale = 'fr'), 'locale'],
  ['captureMethod misspelt (SDK constant typo)', (b) => (b.captureMethod = 'autommatic'), 'captureMethod'],
  ['successUrl missing', (b) => delete b.successUrl, 'successUrl'],
  ['successUrl not http(s)', (b) => (b.successUrl = 'ftp://shop.test/ok'), 'successUrl'],
  ['cancelUrl missing', (b) => delete b.cancelUrl, 'cancelUrl'],
  ['cancelUrl not a URL', (b) => (b.cancelUrl = 'not a url'), 'cancelUrl'],
  ['customerInfo missing', (b) => delete b.customerInfo, 'customerInfo'],
  ['shippingInfo missing', (b) => delete b.shippingInfo, 'shippingInfo'],
  ['shipping address missing', (b) => delete shipping(b).address, 'shippingInfo.address'],
  ['address line1 missing', (b) => delete address(b).line1, 'shippingInfo.address.line1'],
  ['address locality missing', (b) => delete address(b).locality, 'shippingInfo.address.locality'],
  ['address locality over 80', (b) => (address(b).locality = 'x'.repeat(81)), 'shippingInfo.address.locality'],
  ['address postalCode missing', (b) => delete address(b).postalCode, 'shippingInfo.address.postalCode'],
  ['address country missing', (b) => delete address(b).country, 'shippingInfo.address.country'],
  ['address country not JP', (b) => (address(b).country = 'US'), 'shippingInfo.address.country'],
  ['fee amount negative', (b) => (shipping(b).feeAmount = -1), 'shippingInfo.feeAmount'],
  ['unknown mode', (b) => (b.mode = 'recurring'), 'mode'],
  ['token mode with order fields', (b) => (b.mode = 'token'), 'amount'],
];

describe('create checkout session validation', () => {
  afterEach(() => {
    delete process.env.SANDBOX_LENIENT_AMOUNT;
  });

  it('accepts the valid body', async () => {
    const { status } = await call(newSandbox(), 'POST', '/checkout-sessions', { body: validSessionBody() });
    expect(status).toBe(200);
  });

  it.each(cases)('rejects: %s', async (_name, mutate, path) => {
    const body = validSessionBody() as Body;
    mutate(body);
    const { status, body: error, response } = await call(newSandbox(), 'POST', '/checkout-sessions', { body });
    expect(status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(error.statusCode).toBe(400);
    expect(error.errorCode).toBe('request.invalid');
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('says "is required" for each missing field of an empty body', async () => {
    const { body: error } = await call(newSandbox(), 'POST', '/checkout-sessions', { body: {} });
    const messages = Object.fromEntries(error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    for (const field of ['amount', 'customerInfo', 'items', 'shippingInfo', 'successUrl', 'cancelUrl']) {
      expect(messages[field]).toBe('is required');
    }
  });

  it('accepts customerInfo {} and quantity 0, tolerates unknown properties', async () => {
    const body = validSessionBody() as Body;
    body.customerInfo = {};
    body.promotionCode = 'SPRING';
    body.items = [
      { name: 'Tea', amount: 1000, quantity: 2, color: 'green' },
      { name: 'Free sample', amount: 500, quantity: 0 },
    ];
    body.amount = 2200;
    expect((await call(newSandbox(), 'POST', '/checkout-sessions', { body })).status).toBe(200);
  });

  it('skips the amount check with SANDBOX_LENIENT_AMOUNT=1', async () => {
    process.env.SANDBOX_LENIENT_AMOUNT = '1';
    const body = { ...validSessionBody(), amount: 1 };
    expect((await call(newSandbox(), 'POST', '/checkout-sessions', { body })).status).toBe(200);
  });

  it('answers 400 request.malformed to unparseable JSON', async () => {
    const { status, body } = await call(newSandbox(), 'POST', '/checkout-sessions', { rawBody: '{"amount": 1,' });
    expect(status).toBe(400);
    expect(body.errorCode).toBe('request.malformed');
  });

  it('answers 400 to a body that is not an object', async () => {
    const { status, body } = await call(newSandbox(), 'POST', '/checkout-sessions', { rawBody: '[1,2]' });
    expect(status).toBe(400);
    expect(body.errorCode).toBe('request.invalid');
  });
});
