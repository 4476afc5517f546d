import { checkoutFields, checkoutSchema, fieldErrorsOf, type CheckoutErrorKey, type CheckoutField } from '@/lib/checkout/schema';

export type CheckoutFieldErrors = Partial<Record<CheckoutField, CheckoutErrorKey>>;

/**
 * The checkout form's errors, first per field, found as the server action finds them (lib/smartpay.ts):
 * the same fields read from the form data, checked with the same schema.
 *
 * The form (components/checkout-form.tsx) loads this module when the shopper first reaches it, so zod is
 * neither downloaded nor evaluated while the page loads and hydrates.
 */
export function checkoutFormErrors(data: FormData): CheckoutFieldErrors {
  const values: Partial<Record<CheckoutField, string>> = {};
  for (const field of checkoutFields) {
    const value = data.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  const parsed = checkoutSchema.safeParse(values);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}
