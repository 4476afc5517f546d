import { describe, expect, it } from 'vitest';
import { call, LIVE_KEY, newSandbox, OTHER_KEY, type Json } from '../testing/helpers';

type TestSandbox = ReturnType<typeof newSandbox>;

const amountCoupon = (overrides: Record<string, unknown> = {}) => ({
  name: 'Spring sale',
  discountType: 'amount',
  discountAmount: 500,
  currency: 'JPY',
  ...overrides,
});

async function createCoupon(sandbox: TestSandbox, overrides: Record<string, unknown> = {}, key?: string): Promise<Json> {
  const result = await call(sandbox, 'POST', '/coupons', { body: amountCoupon(overrides), key });
  if (result.status !== 200) throw new Error(`create failed: ${JSON.stringify(result.body)}`);
  return result.body;
}

async function createPromotionCode(sandbox: TestSandbox, coupon: string, code: string, extra: Record<string, unknown> = {}) {
  return call(sandbox, 'POST', '/promotion-codes', { body: { coupon, code, ...extra } });
}

const events = async (sandbox: TestSandbox) =>
  (await sandbox.snapshot()).events.map((e) => ({ type: e.eventData.type, data: e.eventData.data as Json })).reverse();

const paths = (body: Json) => (body.details as { path: string }[]).map((d) => d.path).sort();

describe('coupons', () => {
  it('creates an amount coupon: coupon_test_ id, defaults, coupon.created', async () => {
    const sandbox = newSandbox();
    const { status, body: coupon, response } = await call(sandbox, 'POST', '/coupons?dev-lang=nodejs', {
      body: amountCoupon({ expiresAt: 1_900_000_000_000, maxRedemptionCount: 10, metadata: { campaign: 'spring' }, surprise: 1 }),
    });
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(coupon.id).toMatch(/^coupon_test_[0-9A-Za-z]{22}$/);
    expect(coupon).toEqual({
      id: coupon.id,
      object: 'coupon',
      test: true,
      createdAt: coupon.createdAt,
      updatedAt: coupon.createdAt,
      active: true,
      name: 'Spring sale',
      discountType: 'amount',
      discountAmount: 500,
      currency: 'JPY',
      expiresAt: 1_900_000_000_000,
      maxRedemptionCount: 10,
      redemptionCount: 0,
      sponsored: false,
      metadata: { campaign: 'spring' },
    });
    expect(await events(sandbox)).toEqual([{ type: 'coupon.created', data: coupon }]);
  });

  it('creates a percentage coupon without currency', async () => {
    const sandbox = newSandbox();
    const { status, body } = await call(sandbox, 'POST', '/coupons', {
      body: { name: 'Half off', discountType: 'percentage', discountPercentage: 50 },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ discountType: 'percentage', discountPercentage: 50, metadata: {} });
    expect(body.currency).toBeUndefined();
    expect(body.discountAmount).toBeUndefined();
  });

  it('refuses invalid coupons, naming every field', async () => {
    const sandbox = newSandbox();
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['discountType', 'name']],
      [{ name: '', discountType: 'amount', discountAmount: 1, currency: 'JPY' }, ['name']],
      [{ name: 'x', discountType: 'fixed' }, ['discountType']],
      [{ name: 'x', discountType: 'amount' }, ['currency', 'discountAmount']],
      [{ name: 'x', discountType: 'amount', discountAmount: 0, currency: 'USD' }, ['currency', 'discountAmount']],
      [{ name: 'x', discountType: 'amount', discountAmount: 1.5, currency: 'JPY' }, ['discountAmount']],
      [{ name: 'x', discountType: 'amount', discountAmount: 100, currency: 'JPY', discountPercentage: 10 }, ['discountPercentage']],
      [{ name: 'x', discountType: 'percentage' }, ['discountPercentage']],
      [{ name: 'x', discountType: 'percentage', discountPercentage: 101 }, ['discountPercentage']],
      [{ name: 'x', discountType: 'percentage', discountPercentage: 10, discountAmount: 5 }, ['discountAmount']],
      [{ name: 'x', discountType: 'percentage', discountPercentage: 5, expiresAt: 'soon', maxRedemptionCount: 0 }, ['expiresAt', 'maxRedemptionCount']],
      [{ name: 'x', discountType: 'percentage', discountPercentage: 5, metadata: 'tags' }, ['metadata']],
    ];
    for (const [body, expected] of cases) {
      const answer = await call(sandbox, 'POST', '/coupons', { body });
      expect({ body, status: answer.status, errorCode: answer.body.errorCode, paths: paths(answer.body) }).toEqual({
        body,
        status: 400,
        errorCode: 'request.invalid',
        paths: expected,
      });
    }
    expect((await sandbox.snapshot()).events).toEqual([]);
  });

  it('gets, updates name, active and metadata (coupon.updated), and answers an empty update unchanged', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    expect((await call(sandbox, 'GET', `/coupons/${coupon.id}`)).body).toEqual(coupon);

    const same = await call(sandbox, 'PATCH', `/coupons/${coupon.id}`, { body: {} });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(coupon);

    const updated = await call(sandbox, 'PATCH', `/coupons/${coupon.id}`, {
      body: { name: 'updatedCoupon', active: false, metadata: { round: '2' } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: coupon.id, name: 'updatedCoupon', active: false, metadata: { round: '2' }, discountAmount: 500 });
    expect((await call(sandbox, 'GET', `/coupons/${coupon.id}`)).body).toEqual(updated.body);
    expect((await events(sandbox)).map((e) => e.type)).toEqual(['coupon.created', 'coupon.updated']);
    expect((await events(sandbox))[1]!.data).toEqual(updated.body);
  });

  it('refuses to update fields fixed at creation', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const answer = await call(sandbox, 'PATCH', `/coupons/${coupon.id}`, { body: { discountAmount: 1, currency: 'JPY', name: 'new' } });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([
      { path: 'discountAmount', message: 'cannot be updated' },
      { path: 'currency', message: 'cannot be updated' },
    ]);
    expect(paths((await call(sandbox, 'PATCH', `/coupons/${coupon.id}`, { body: { name: 5, active: 'no' } })).body)).toEqual(['active', 'name']);
    expect((await call(sandbox, 'GET', `/coupons/${coupon.id}`)).body).toEqual(coupon);
  });

  it('lists coupons newest first in the collection envelope, with paging', async () => {
    const sandbox = newSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await createCoupon(sandbox, { name: `c${i}` })).id);
    const first = await call(sandbox, 'GET', '/coupons?maxResults=2');
    expect(first.body).toMatchObject({ object: 'collection', pageToken: '', maxResults: 2, results: 2 });
    expect(first.body.data.map((c: Json) => c.id)).toEqual([ids[2], ids[1]]);
    const second = await call(sandbox, 'GET', `/coupons?maxResults=2&pageToken=${first.body.nextPageToken}`);
    expect(second.body.data.map((c: Json) => c.id)).toEqual([ids[0]]);
    expect(second.body.nextPageToken).toBeUndefined();
    expect((await call(sandbox, 'GET', '/coupons?maxResults=0')).body.details[0].path).toBe('maxResults');
  });

  it('answers 404 coupon.not-found for unknown ids, other keys and the other mode', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    for (const key of [OTHER_KEY, LIVE_KEY]) {
      expect((await call(sandbox, 'GET', `/coupons/${coupon.id}`, { key })).body).toMatchObject({ statusCode: 404, errorCode: 'coupon.not-found' });
      expect((await call(sandbox, 'PATCH', `/coupons/${coupon.id}`, { key, body: { name: 'mine' } })).body.errorCode).toBe('coupon.not-found');
      expect((await call(sandbox, 'GET', '/coupons', { key })).body.results).toBe(0);
    }
    expect((await call(sandbox, 'GET', '/coupons/coupon_test_AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await call(sandbox, 'GET', '/coupons/nonsense')).body.errorCode).toBe('coupon.not-found');
    const live = await createCoupon(sandbox, {}, LIVE_KEY);
    expect(live.id).toMatch(/^coupon_live_/);
    expect(live.test).toBe(false);
  });
});

describe('promotion codes', () => {
  it('creates a promotion code of a coupon: promotioncode_test_ id, defaults, promotion_code.created', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const { status, body: code } = await createPromotionCode(sandbox, coupon.id, 'SPRING2025');
    expect(status).toBe(200);
    expect(code.id).toMatch(/^promotioncode_test_[0-9A-Za-z]{22}$/);
    expect(code).toEqual({
      id: code.id,
      object: 'promotionCode',
      test: true,
      createdAt: code.createdAt,
      updatedAt: code.createdAt,
      code: 'SPRING2025',
      coupon: coupon.id,
      active: true,
      firstTimeTransaction: false,
      onePerCustomer: false,
      redemptionCount: 0,
      metadata: {},
    });
    expect((await events(sandbox)).at(-1)).toEqual({ type: 'promotion_code.created', data: code });
  });

  it('takes every optional field', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const extra = {
      active: false,
      currency: 'JPY',
      expiresAt: 1_900_000_000_000,
      firstTimeTransaction: true,
      maxRedemptionCount: 100,
      minimumAmount: 10_000,
      onePerCustomer: true,
      metadata: { channel: 'newsletter' },
    };
    const { status, body } = await createPromotionCode(sandbox, coupon.id, 'promotion code with spaces 0.5', extra);
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 'promotion code with spaces 0.5', ...extra });
  });

  it('refuses invalid promotion codes', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['code', 'coupon']],
      [{ coupon: coupon.id, code: '' }, ['code']],
      [{ coupon: coupon.id, code: 'A', minimumAmount: 1000 }, ['currency']],
      [{ coupon: coupon.id, code: 'A', minimumAmount: -1, currency: 'EUR', active: 'yes' }, ['active', 'currency', 'minimumAmount']],
      [{ coupon: coupon.id, code: 'A', onePerCustomer: 1, firstTimeTransaction: 'no', maxRedemptionCount: 0 }, ['firstTimeTransaction', 'maxRedemptionCount', 'onePerCustomer']],
    ];
    for (const [body, expected] of cases) {
      const answer = await call(sandbox, 'POST', '/promotion-codes', { body });
      expect({ body, status: answer.status, paths: paths(answer.body) }).toEqual({ body, status: 400, paths: expected });
    }
    expect((await sandbox.snapshot()).events.map((e) => e.eventData.type)).toEqual(['coupon.created']);
  });

  it('answers 404 coupon.not-found for a coupon that is unknown, another key’s or the other mode’s', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const liveCoupon = await createCoupon(sandbox, {}, LIVE_KEY);
    const othersCoupon = await createCoupon(sandbox, {}, OTHER_KEY);
    for (const id of ['coupon_test_AAAAAAAAAAAAAAAAAAAAAA', 'nonsense', liveCoupon.id, othersCoupon.id]) {
      const answer = await createPromotionCode(sandbox, id, `CODE-${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body.errorCode).toBe('coupon.not-found');
    }
    expect((await createPromotionCode(sandbox, coupon.id, 'OK')).status).toBe(200);
  });

  it('refuses a code already used, whatever its case, with 409 promotion-code.exists', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const other = await createCoupon(sandbox, { name: 'Other' });
    expect((await createPromotionCode(sandbox, coupon.id, 'WELCOME')).status).toBe(200);
    const duplicate = await createPromotionCode(sandbox, other.id, 'welcome');
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ statusCode: 409, errorCode: 'promotion-code.exists', details: [{ path: 'code' }] });
    expect(duplicate.body.message).toContain('welcome');
    // Codes are unique per API key and mode.
    const othersCoupon = await createCoupon(sandbox, {}, OTHER_KEY);
    expect((await call(sandbox, 'POST', '/promotion-codes', { key: OTHER_KEY, body: { coupon: othersCoupon.id, code: 'WELCOME' } })).status).toBe(200);
    const liveCoupon = await createCoupon(sandbox, {}, LIVE_KEY);
    expect((await call(sandbox, 'POST', '/promotion-codes', { key: LIVE_KEY, body: { coupon: liveCoupon.id, code: 'WELCOME' } })).status).toBe(200);
  });

  it('gets, updates active and metadata (promotion_code.updated), refuses fixed fields, lists', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const code = (await createPromotionCode(sandbox, coupon.id, 'THECODE1')).body;
    expect((await call(sandbox, 'GET', `/promotion-codes/${code.id}`)).body).toEqual(code);
    expect((await call(sandbox, 'PATCH', `/promotion-codes/${code.id}`, { body: {} })).body).toEqual(code);

    const updated = await call(sandbox, 'PATCH', `/promotion-codes/${code.id}`, { body: { active: false, metadata: { paused: 'yes' } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: code.id, active: false, metadata: { paused: 'yes' } });
    expect((await call(sandbox, 'GET', `/promotion-codes/${code.id}`)).body.active).toBe(false);
    expect((await events(sandbox)).at(-1)).toEqual({ type: 'promotion_code.updated', data: updated.body });

    const fixed = await call(sandbox, 'PATCH', `/promotion-codes/${code.id}`, { body: { code: 'NEW', coupon: coupon.id } });
    expect(fixed.status).toBe(400);
    expect(paths(fixed.body)).toEqual(['code', 'coupon']);

    await createPromotionCode(sandbox, coupon.id, 'THECODE2');
    const list = await call(sandbox, 'GET', '/promotion-codes');
    expect(list.body).toMatchObject({ object: 'collection', results: 2, maxResults: 20 });
    expect(list.body.data.map((c: Json) => c.code)).toEqual(['THECODE2', 'THECODE1']);
  });

  it('answers 404 promotion-code.not-found to another key and the other mode', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const code = (await createPromotionCode(sandbox, coupon.id, 'MINE')).body;
    for (const key of [OTHER_KEY, LIVE_KEY]) {
      expect((await call(sandbox, 'GET', `/promotion-codes/${code.id}`, { key })).body.errorCode).toBe('promotion-code.not-found');
      expect((await call(sandbox, 'PATCH', `/promotion-codes/${code.id}`, { key, body: { active: false } })).status).toBe(404);
      expect((await call(sandbox, 'GET', '/promotion-codes', { key })).body.results).toBe(0);
    }
    expect((await call(sandbox, 'GET', `/promotion-codes/${code.id}`)).body.active).toBe(true);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const sandbox = newSandbox();
    const coupon = await createCoupon(sandbox);
    const headers = { 'Idempotency-Key': 'promo-1' };
    const first = await call(sandbox, 'POST', '/promotion-codes', { headers, body: { coupon: coupon.id, code: 'ONCE' } });
    const again = await call(sandbox, 'POST', '/promotion-codes', { headers, body: { coupon: coupon.id, code: 'ONCE' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.response.headers.get('idempotency-replayed')).toBe('true');
    expect((await call(sandbox, 'GET', '/promotion-codes')).body.results).toBe(1);
  });
});
