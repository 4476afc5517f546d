import { z } from 'zod';
import { updateObjectSchema } from '../api/validation';

/**
 * Request bodies of `/coupons` and `/promotion-codes`, from Smartpay's OpenAPI types (sdk-go types.go
 * `CouponCreate`, `CouponUpdate`, `PromotionCodeCreate`, `PromotionCodeUpdate`) and the checks the official
 * SDKs make before sending (sdk-node src/Smartpay/coupons.ts and promotion-codes.ts). Unknown properties are
 * tolerated and dropped, as everywhere in the sandbox; fields that exist but cannot be changed are refused
 * on updates.
 */

const positiveInt = z.int({ error: 'must be an integer' }).min(1, { error: 'must be 1 or more' });
const nonNegativeInt = z.int({ error: 'must be an integer' }).min(0, { error: 'must be 0 or more' });
const jpy = z.literal('JPY', { error: 'must be JPY' });
const flag = z.boolean({ error: 'must be true or false' });
const text = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });
/** The same metadata rule as every other object of the API. */
const metadata = updateObjectSchema.shape.metadata;
/** Milliseconds since the Unix epoch (the create types and sdk-node's reference say milliseconds). */
const timestamp = positiveInt;

export const DISCOUNT_TYPES = ['amount', 'percentage'] as const;

export const createCouponSchema = z
  .object({
    name: text,
    description: z.string({ error: 'must be a string' }).optional(),
    discountType: z.enum(DISCOUNT_TYPES, { error: 'must be amount or percentage' }),
    discountAmount: positiveInt.optional(),
    discountPercentage: positiveInt.max(100, { error: 'must be 100 or less' }).optional(),
    currency: jpy.optional(),
    expiresAt: timestamp.optional(),
    maxRedemptionCount: positiveInt.optional(),
    metadata,
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (value.discountType === 'amount') {
      if (value.discountAmount === undefined) issue('discountAmount', 'is required when discountType is amount');
      if (value.currency === undefined) issue('currency', 'is required when discountType is amount');
      if (value.discountPercentage !== undefined) issue('discountPercentage', 'is not allowed when discountType is amount');
    } else {
      if (value.discountPercentage === undefined) issue('discountPercentage', 'is required when discountType is percentage');
      if (value.discountAmount !== undefined) issue('discountAmount', 'is not allowed when discountType is percentage');
    }
  });

export type CreateCouponInput = z.infer<typeof createCouponSchema>;

/** Refuses the fields a resource has but cannot change after creation. */
function fixedFields(fields: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const field of fields) {
      if (value[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'cannot be updated' });
    }
  };
}

/** `CouponUpdate`: `name`, `active` and `metadata`. */
export const updateCouponSchema = z
  .looseObject({ name: text.optional(), active: flag.optional(), metadata })
  .superRefine(fixedFields(['discountType', 'discountAmount', 'discountPercentage', 'currency', 'expiresAt', 'maxRedemptionCount']));

export const createPromotionCodeSchema = z
  .object({
    code: text,
    coupon: text,
    active: flag.optional(),
    currency: jpy.optional(),
    expiresAt: timestamp.optional(),
    firstTimeTransaction: flag.optional(),
    maxRedemptionCount: positiveInt.optional(),
    minimumAmount: nonNegativeInt.optional(),
    onePerCustomer: flag.optional(),
    metadata,
  })
  .superRefine((value, ctx) => {
    if (value.minimumAmount !== undefined && value.currency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required when minimumAmount is set' });
    }
  });

export type CreatePromotionCodeInput = z.infer<typeof createPromotionCodeSchema>;

/** `PromotionCodeUpdate`: `active` and `metadata`. */
export const updatePromotionCodeSchema = z
  .looseObject({ active: flag.optional(), metadata })
  .superRefine(
    fixedFields(['code', 'coupon', 'currency', 'expiresAt', 'firstTimeTransaction', 'maxRedemptionCount', 'minimumAmount', 'onePerCustomer']),
  );
