import { collection } from '../api/collection';
import { isTest, ok, type Handler, type SandboxCore } from '../api/handler';
import { createCouponSchema, updateCouponSchema } from './discount-schemas';
import { notFound } from '../api/errors';
import { isIdOf, newId } from '../store/ids';
import { listForMode } from '../api/load';
import type { CouponRecord, Mode } from '../store/records';
import { parseBody } from '../api/validation';

/**
 * Coupons (`/coupons`): create, get, update (`name`, `active`, `metadata`) and list. A coupon is created
 * `active`, with `redemptionCount: 0` and `sponsored: false` (merchant funded); events `coupon.created`
 * and, when an update changed something, `coupon.updated`.
 */

/** A coupon of the caller (and of the caller's mode), else 404 `coupon.not-found`. */
export async function loadCoupon(core: SandboxCore, id: string, mode: Mode): Promise<CouponRecord> {
  const coupon = isIdOf('coupon', id) ? await core.store.get('coupon', id) : undefined;
  if (!coupon || coupon.test !== isTest(mode)) throw notFound('coupon', id);
  return coupon;
}

export const createCoupon: Handler = async ({ core, mode, body }) => {
  const input = parseBody(createCouponSchema, body);
  const now = core.now();
  const coupon: CouponRecord = {
    id: newId('coupon', mode),
    object: 'coupon',
    test: isTest(mode),
    createdAt: now,
    updatedAt: now,
    active: true,
    name: input.name,
    description: input.description,
    discountType: input.discountType,
    discountAmount: input.discountAmount,
    discountPercentage: input.discountPercentage,
    currency: input.currency,
    expiresAt: input.expiresAt,
    maxRedemptionCount: input.maxRedemptionCount,
    redemptionCount: 0,
    sponsored: false,
    metadata: input.metadata ?? {},
  };
  await core.store.put('coupon', coupon);
  await core.emit('coupon.created', coupon.test, coupon);
  return ok(coupon);
};

export const getCoupon: Handler = async ({ core, mode, params }) => ok(await loadCoupon(core, params.id ?? '', mode));

/** An update without changes (e.g. an empty body) answers the coupon as it is and emits nothing. */
export const updateCoupon: Handler = async ({ core, mode, params, body }) => {
  const input = parseBody(updateCouponSchema, body);
  const coupon = await loadCoupon(core, params.id ?? '', mode);
  const changed: CouponRecord = {
    ...coupon,
    name: input.name ?? coupon.name,
    active: input.active ?? coupon.active,
    metadata: input.metadata ?? coupon.metadata,
  };
  if (JSON.stringify(changed) === JSON.stringify(coupon)) return ok(coupon);
  const updated: CouponRecord = { ...changed, updatedAt: core.now() };
  await core.store.put('coupon', updated);
  await core.emit('coupon.updated', updated.test, updated);
  return ok(updated);
};

export const listCoupons: Handler = async ({ core, mode, query }) =>
  ok(await collection(await listForMode(core.store, 'coupon', mode), query, (coupon) => coupon));
