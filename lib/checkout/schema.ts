import { z } from 'zod';
import { prefectures } from '@/lib/checkout/prefectures';
import { compactPhone, JAPANESE_PHONE } from '@/lib/checkout/phone';
import { normalizePostalCode } from '@/lib/checkout/postal-code';

/**
 * The checkout form's schema, shared by the browser form (lib/checkout/form-errors.ts), the server
 * action and the tests. Error messages are keys into the shopper's dictionary (`checkout.errors`), so
 * one schema speaks every language. `tooLong:N` carries its limit.
 */
export type CheckoutErrorKey =
  | 'required'
  | 'invalidEmail'
  | 'invalidPhone'
  | 'invalidPostalCode'
  | 'invalidPrefecture'
  | 'invalidKana'
  | `tooLong:${number}`;

// zod compiles object parsers with `new Function` where it may; the shop's Content-Security-Policy allows no
// eval, and even zod's caught probe for it is reported as a violation. Parse without it.
z.config({ jitless: true });

const text = (max: number) =>
  z
    .string({ error: 'required' })
    .normalize('NFKC')
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: `tooLong:${max}` });

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

const kana = z
  .string()
  .normalize('NFKC')
  .trim()
  .overwrite(toKatakana)
  .max(50, { error: 'tooLong:50' })
  .regex(/^[\u30a1-\u30f6\u30fc\u30fb\s]*$/, { error: 'invalidKana' });

const prefectureCodes = prefectures.map((p) => p.code) as [string, ...string[]];

// In a module of its own, so the checkout form can use it without loading zod with the page.
export { normalizePostalCode };

export const checkoutSchema = z.object({
  email: z
    .string({ error: 'required' })
    .normalize('NFKC')
    .trim()
    .min(1, { error: 'required' })
    .max(254, { error: 'tooLong:254' })
    .pipe(z.email({ error: 'invalidEmail' })),
  familyName: text(50),
  givenName: text(50),
  familyNameKana: kana.optional(),
  givenNameKana: kana.optional(),
  phone: z
    .string({ error: 'required' })
    .min(1, { error: 'required' })
    .overwrite(compactPhone)
    .regex(JAPANESE_PHONE, { error: 'invalidPhone' }),
  postalCode: z
    .string({ error: 'required' })
    .normalize('NFKC')
    .trim()
    .min(1, { error: 'required' })
    .refine((s) => normalizePostalCode(s) !== undefined, { error: 'invalidPostalCode' })
    .overwrite((s) => {
      const digits = normalizePostalCode(s);
      return digits ? `${digits.slice(0, 3)}-${digits.slice(3)}` : s;
    }),
  prefecture: z.enum(prefectureCodes, { error: 'invalidPrefecture' }),
  city: text(80),
  line1: text(100),
  line2: z.string().normalize('NFKC').trim().max(100, { error: 'tooLong:100' }).optional(),
});

export type CheckoutInput = z.input<typeof checkoutSchema>;
export type CheckoutData = z.output<typeof checkoutSchema>;
export type CheckoutField = keyof CheckoutInput;

export const checkoutFields = Object.keys(checkoutSchema.shape) as CheckoutField[];

/** First error key per field, from a failed parse. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<CheckoutField, CheckoutErrorKey>> {
  const result: Partial<Record<CheckoutField, CheckoutErrorKey>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as CheckoutField | undefined;
    if (field && !result[field]) result[field] = issue.message as CheckoutErrorKey;
  }
  return result;
}
