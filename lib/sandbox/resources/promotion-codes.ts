import { collection } from '../api/collection';
import { isTest, ok, type Handler, type SandboxCore } from '../api/handler';
import { loadCoupon } from './coupons';
import { createPromotionCodeSchema, updatePromotionCodeSchema } from './discount-schemas';
import { ApiError, notFound } from '../api/errors';
import { isIdOf, newId } from '../store/ids';
import { listForMode } from '../api/load';
import type { Mode, PromotionCodeRecord } from '../store/records';
import { parseBody } from '../api/validation';

/**
 * Promotion codes (`/promotion-codes`): customer-facing codes of a coupon; create, get, update (`active`,
 * `metadata`) and list. The coupon must be one of the caller's (404 `coupon.not-found`); the code must be
 * unique, whatever its case, among the caller's promotion codes of the mode (409 `promotion-code.exists`).
 * Events `promotion_code.created` and, when an update changed something, `promotion_code.updated`.
 */

async function loadPromotionCode(core: SandboxCore, id: string, mode: Mode): Promise<PromotionCodeRecord> {
  const promotionCode = isIdOf('promotionCode', id) ? await core.store.get('promotionCode', id) : undefined;
  if (!promotionCode || promotionCode.test !== isTest(mode)) throw notFound('promotion-code', id);
  return promotionCode;
}

export const createPromotionCode: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createPromotionCodeSchema, body);
  const coupon = await loadCoupon(core, input.coupon, mode);
  const taken = (await listForMode(core.store, 'promotionCode', mode)).some(
    (existing) => existing.code.toLowerCase() === input.code.toLowerCase(),
  );
  if (taken) {
    throw new ApiError(
      409,
      'promotion-code.exists',
      `The promotion code ${input.code} already exists. The code needs to be unique across all of your promotion codes.`,
      [{ path: 'code', message: 'is already the code of another promotion code (codes are compared ignoring case)' }],
    );
  }
  const now = core.now();
  const promotionCode: PromotionCodeRecord = {
    id: newId('promotionCode', mode),
    object: 'promotionCode',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    code: input.code,
    coupon: coupon.id,
    active: input.active ?? true,
    currency: input.currency,
    expiresAt: input.expiresAt,
    firstTimeTransaction: input.firstTimeTransaction ?? false,
    maxRedemptionCount: input.maxRedemptionCount,
    minimumAmount: input.minimumAmount,
    onePerCustomer: input.onePerCustomer ?? false,
    redemptionCount: 0,
    metadata: input.metadata ?? {},
  };
  await core.store.put('promotionCode', promotionCode);
  await core.emit('promotion_code.created', promotionCode.test, promotionCode);
  return ok(promotionCode);
};

export const getPromotionCode: Handler = async ({ core, mode, params }) =>
  ok(await loadPromotionCode(core, params.id ?? '', mode));

/** An update without changes (e.g. an empty body) answers the promotion code as it is and emits nothing. */
export const updatePromotionCode: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updatePromotionCodeSchema, body);
  const promotionCode = await loadPromotionCode(core, params.id ?? '', mode);
  const changed: PromotionCodeRecord = {
    ...promotionCode,
    active: input.active ?? promotionCode.active,
    metadata: input.metadata ?? promotionCode.metadata,
  };
  if (JSON.stringify(changed) === JSON.stringify(promotionCode)) return ok(promotionCode);
  const updated: PromotionCodeRecord = { ...changed, updatedAt: core.now() };
  await core.store.put('promotionCode', updated);
  await core.emit('promotion_code.updated', updated.test, updated);
  return ok(updated);
};

export const listPromotionCodes: Handler = async ({ core, mode, query }) =>
  ok(await collection(await listForMode(core.store, 'promotionCode', mode), query, (promotionCode) => promotionCode));
