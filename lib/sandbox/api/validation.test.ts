import { describe, expect, it } from 'vitest';
import { call, newSandbox, validSessionBody } from '../testing/helpers';

type Body = ReturnType<typeof validSessionBody> & Record<string, unknown>;
type Case = [name: string, mutate: (body: Body) => void, path: string];

const item = (body: Body) => (body.items as Record<string, unknown>[])[0]!;
const discount = (body: Body) => (body.items as Record<string, unknown>[])[1]!;
const shipping = (body: Body) => body.shippingInfo as Record<string, unknown>;
const address = (body: Body) => shipping(body).address as Record<string, unknown>;
const customer = (body: Body) => body.customerInfo as Record<string, unknown>;
const customerAddress = (body: Body) => {
  customer(body).address = { line1: '1-2-3 Akasaka', locality: 'Minato-ku', postalCode: '107-0052', country: 'JP' };
  return customer(body).address as Record<string, unknown>;
};
const manyKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));

const cases: Case[] = [
  ['amount missing', (b) => delete b.amount, 'amount'],
  ['amount not an integer', (b) => (b.amount = 10.5), 'amount'],
  ['amount negative', (b) => (b.amount = -1), 'amount'],
  ['currency missing', (b) => delete b.currency, 'currency'],
  ['currency not JPY', (b) => (b.currency = 'USD'), 'currency'],
  ['currency lower case', (b) => (b.currency = 'jpy'), 'currency'],
  ['items missing', (b) => delete b.items, 'items'],
  ['items empty', (b) => (b.items = []), 'items'],
  ['more than 50 items', (b) => (b.items = Array.from({ length: 51 }, () => ({ name: 'x', amount: 0 }))), 'items'],
  ['no product item', (b) => (b.items = [{ kind: 'tax', name: 'tax', amount: 0, currency: 'JPY' }]), 'items'],
  ['unknown item kind', (b) => (item(b).kind = 'shipping'), 'items.0.kind'],
  // sdk-go types.go `Item`: `name` and `currency` are required for every kind of item.
  ['product without name', (b) => delete item(b).name, 'items.0.name'],
  ['discount without name (sdk-go Item.Name)', (b) => delete discount(b).name, 'items.1.name'],
  ['item currency missing (sdk-go Item.Currency)', (b) => delete item(b).currency, 'items.0.currency'],
  ['discount currency missing (sdk-go Item.Currency)', (b) => delete discount(b).currency, 'items.1.currency'],
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
  ['metadata over 20 keys', (b) => (b.metadata = manyKeys(21)), 'metadata'],
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
  // sdk-go types.go `Address` (also `CustomerInfo.Address`): line1, locality, postalCode and country are required.
  ['customer address line1 missing', (b) => delete customerAddress(b).line1, 'customerInfo.address.line1'],
  ['customer address locality missing', (b) => delete customerAddress(b).locality, 'customerInfo.address.locality'],
  ['customer address postalCode missing', (b) => delete customerAddress(b).postalCode, 'customerInfo.address.postalCode'],
  ['customer address country missing', (b) => delete customerAddress(b).country, 'customerInfo.address.country'],
  // sdk-go types.go `CustomerInfo`: emailAddress is an openapi_types.Email, dateOfBirth an openapi_types.Date.
  ['e-mail without @', (b) => (customer(b).emailAddress = 'taro.example.com'), 'customerInfo.emailAddress'],
  ['e-mail with a space', (b) => (customer(b).emailAddress = 'taro yamada@example.com'), 'customerInfo.emailAddress'],
  ['dateOfBirth not YYYY-MM-DD', (b) => (customer(b).dateOfBirth = '1990/01/02'), 'customerInfo.dateOfBirth'],
  ['dateOfBirth month 13', (b) => (customer(b).dateOfBirth = '1990-13-01'), 'customerInfo.dateOfBirth'],
  ['dateOfBirth 30 February', (b) => (customer(b).dateOfBirth = '1990-02-30'), 'customerInfo.dateOfBirth'],
  ['dateOfBirth 29 February of a common year', (b) => (customer(b).dateOfBirth = '2023-02-29'), 'customerInfo.dateOfBirth'],
  ['fee amount negative', (b) => (shipping(b).feeAmount = -1), 'shippingInfo.feeAmount'],
  ['unknown mode', (b) => (b.mode = 'recurring'), 'mode'],
  ['token mode with order fields', (b) => (b.mode = 'token'), 'amount'],
];

describe('create checkout session validation', () => {
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
    for (const field of ['amount', 'currency', 'customerInfo', 'items', 'shippingInfo', 'successUrl', 'cancelUrl']) {
      expect(messages[field]).toBe('is required');
    }
  });

  it('accepts customerInfo {} and quantity 0, tolerates unknown properties', async () => {
    const body = validSessionBody() as Body;
    body.customerInfo = {};
    body.promotionCode = 'SPRING';
    body.items = [
      { name: 'Tea', amount: 1000, quantity: 2, currency: 'JPY', color: 'green' },
      { name: 'Free sample', amount: 500, quantity: 0, currency: 'JPY' },
    ];
    body.amount = 2200;
    const answer = await call(newSandbox(), 'POST', '/checkout-sessions', { body });
    expect(answer.status).toBe(200);
    expect(answer.response.headers.get('sandbox-warning')).toBeNull();
  });

  it('accepts real dates and e-mail addresses (sdk-go CustomerInfo: openapi_types.Date, openapi_types.Email)', async () => {
    const body = validSessionBody() as Body;
    body.customerInfo = { emailAddress: "o'hara+shop@mail.example.co.jp", dateOfBirth: '2024-02-29', legalGender: 'female' };
    expect((await call(newSandbox(), 'POST', '/checkout-sessions', { body })).status).toBe(200);
  });

  it("accepts empty strings in customerInfo.address, as Smartpay's EC-CUBE plugin sends (API.md §3.6)", async () => {
    const body = validSessionBody() as Body;
    body.customerInfo = { address: { line1: '', locality: '', postalCode: '', country: 'JP', extra: 'kept' } };
    const { status, body: session } = await call(newSandbox(), 'POST', '/checkout-sessions', { body });
    expect(status).toBe(200);
    expect(session.customerInfo.address).toEqual({ line1: '', locality: '', postalCode: '', country: 'JP', extra: 'kept' });
  });

  // API.md §3.7 and §9: Smartpay does not document that it checks `amount` against the items (its Magento
  // plugin, Model/GenerateCheckoutSessionRequestPayload.php, sends the grand total without the discount lines),
  // so the sandbox accepts any amount and warns with a Sandbox-Warning header kept on the order for the dashboard.
  it('accepts an amount that differs from the items and shipping fee, with a Sandbox-Warning (API.md §3.7)', async () => {
    const sandbox = newSandbox();
    const { status, body: session, response } = await call(sandbox, 'POST', '/checkout-sessions', {
      body: { ...validSessionBody(), amount: 9999 },
    });
    expect(status).toBe(200);
    expect(session.order.amount).toBe(9999);
    expect(response.headers.get('sandbox-warning')).toMatch(/^amount 9999 differs from the items and shipping fee \(2250/);
    expect(session.order.sandboxWarnings).toBeUndefined();
    const [order] = (await sandbox.snapshot()).orders;
    expect(order!.sandboxWarnings).toEqual([expect.stringMatching(/^amount 9999 differs/)]);
    const again = await call(sandbox, 'GET', `/orders/${session.order.id}`);
    expect(again.body.sandboxWarnings).toBeUndefined();
  });

  it('accepts an empty item name with a Sandbox-Warning (no source says whether Smartpay does)', async () => {
    const body = validSessionBody() as Body;
    item(body).name = '';
    const { status, response } = await call(newSandbox(), 'POST', '/checkout-sessions', { body });
    expect(status).toBe(200);
    expect(response.headers.get('sandbox-warning')).toContain('items.0.name is empty');
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

// Item 9 of the API's error model (API.md §5.2): a value of the wrong type is named as such, a missing one as
// required. The types are those of sdk-go types.go (`CheckoutSessionCreate`, `Item`, `CustomerInfo`, `OrderCreate`).
describe('validation messages', () => {
  const messages = async (path: string, body: unknown) => {
    const { status, body: error } = await call(newSandbox(), 'POST', path, { body });
    expect(status).toBe(400);
    return Object.fromEntries(error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
  };

  it('says "must be …" for a value of the wrong type and "is required" only for a missing one', async () => {
    const body = validSessionBody() as Body;
    body.amount = '2250';
    body.currency = 1;
    body.customerInfo = 'taro';
    item(body).name = 7;
    item(body).quantity = '2';
    discount(body).kind = 5;
    address(body).line1 = null;
    shipping(body).feeAmount = 2.5;
    body.successUrl = 42;
    body.metadata = ['a'];
    delete body.cancelUrl;
    expect(await messages('/checkout-sessions', body)).toEqual({
      amount: 'must be an integer',
      currency: 'must be JPY',
      customerInfo: 'must be an object',
      'items.0.name': 'must be a string',
      'items.0.quantity': 'must be an integer',
      'items.1.kind': 'must be product, tax or discount',
      'shippingInfo.address.line1': 'must be a string',
      'shippingInfo.feeAmount': 'must be an integer',
      successUrl: 'must be an http(s) URL',
      metadata: 'must be an object',
      cancelUrl: 'is required',
    });
  });

  it('names the type of the token, the payment and the refund fields', async () => {
    expect(await messages('/orders', { token: 12 })).toMatchObject({ token: 'must be a string', amount: 'is required' });
    expect(await messages('/payments', { order: ['x'], amount: 1, currency: 'JPY' })).toEqual({ order: 'must be a string' });
    expect(await messages('/refunds', { payment: 'payment_test_x', amount: '1', currency: 'JPY', reason: 'fraudulent' })).toEqual({
      amount: 'must be an integer',
    });
    expect(await messages('/webhook-endpoints', { url: 'https://shop.example/hook', eventSubscriptions: 'order.authorized' })).toEqual({
      eventSubscriptions: 'must be an array',
    });
  });
});

// https://en.docs.smartpay.co/reference/metadata: "up to 20 items with key names of up to 40 characters and values of
// up to 200 characters long"; values are strings (sdk-node src/types.ts `MetaData = { [key: string]: string }`).
describe('metadata limits (https://en.docs.smartpay.co/reference/metadata)', () => {
  const longKey = 'k'.repeat(41);
  const bad = [
    [manyKeys(21), '', 'must have at most 20 keys'],
    [{ [longKey]: 'v' }, `.${longKey}`, 'key must be at most 40 characters'],
    [{ note: 'x'.repeat(201) }, '.note', 'must be at most 200 characters'],
    [{ count: 3 }, '.count', 'must be a string'],
    [{ nested: { a: 'b' } }, '.nested', 'must be a string'],
  ] as const;
  const fine = { ...manyKeys(19), ['k'.repeat(40)]: 'x'.repeat(200) };

  it('holds at the limits and refuses past them on the session, order, items, product and price', async () => {
    const sandbox = newSandbox();
    const withEverywhere = (value: unknown) => {
      const body = validSessionBody() as Body;
      body.metadata = value;
      Object.assign(item(body), { metadata: value, productMetadata: value, priceMetadata: value });
      return body;
    };
    expect((await call(sandbox, 'POST', '/checkout-sessions', { body: withEverywhere(fine) })).status).toBe(200);
    for (const [value, suffix, message] of bad) {
      const { status, body: error } = await call(sandbox, 'POST', '/checkout-sessions', { body: withEverywhere(value) });
      expect(status).toBe(400);
      const paths = ['metadata', 'items.0.metadata', 'items.0.productMetadata', 'items.0.priceMetadata'];
      expect(error.details).toHaveLength(paths.length);
      expect(error.details).toEqual(expect.arrayContaining(paths.map((path) => ({ path: `${path}${suffix}`, message }))));
    }
  });

  it('applies to token sessions, token orders, payments, refunds, webhook endpoints and updates', async () => {
    const sandbox = newSandbox();
    const [value, suffix, message] = bad[2];
    const session = (await call(sandbox, 'POST', '/checkout-sessions', { body: { ...validSessionBody(), captureMethod: 'manual' } })).body;
    await sandbox.completeCheckout(session.id, 'approve');
    const capture = await call(sandbox, 'POST', '/payments', { body: { order: session.order.id, amount: 2250, currency: 'JPY' } });
    const refund = await call(sandbox, 'POST', '/refunds', { body: { payment: capture.body.id, amount: 1, currency: 'JPY', reason: 'fraudulent' } });
    const endpoint = await call(sandbox, 'POST', '/webhook-endpoints', { body: { url: 'https://shop.example/hook' } });
    const requests: [string, string, Record<string, unknown>][] = [
      ['POST', '/checkout-sessions', { mode: 'token', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/no' }],
      ['POST', '/orders', { token: 'paytok_test_x', amount: 2250, currency: 'JPY', items: validSessionBody().items, shippingInfo: validSessionBody().shippingInfo }],
      ['POST', '/payments', { order: session.order.id, amount: 1, currency: 'JPY' }],
      ['PATCH', `/payments/${capture.body.id}`, {}],
      ['POST', '/refunds', { payment: capture.body.id, amount: 1, currency: 'JPY', reason: 'fraudulent' }],
      ['PATCH', `/refunds/${refund.body.id}`, {}],
      ['POST', '/webhook-endpoints', { url: 'https://shop.example/hook' }],
      ['PATCH', `/webhook-endpoints/${endpoint.body.id}`, {}],
    ];
    for (const [method, path, body] of requests) {
      const answer = await call(sandbox, method, path, { body: { ...body, metadata: value } });
      expect(answer.status, `${method} ${path}`).toBe(400);
      expect(answer.body.details, `${method} ${path}`).toEqual([{ path: `metadata${suffix}`, message }]);
      const within = await call(sandbox, method, path, { body: { ...body, metadata: { note: 'x'.repeat(200) } } });
      expect(within.status === 400 ? within.body.details : [], `${method} ${path}`).toEqual([]);
    }
  });
});
