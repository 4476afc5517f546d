import { checkoutFields, checkoutSchema, fieldErrorsOf, type CheckoutErrorKey, type CheckoutField } from '@/lib/checkout/schema';

export type CheckoutFieldErrors = Partial<Record<CheckoutField, CheckoutErrorKey>>;

/** The checkout form's fields as submitted (other entries of the form data are left out), for the browser and the server action. */
export function checkoutValuesOf(data: FormData): Partial<Record<CheckoutField, string>> {
  const values: Partial<Record<CheckoutField, string>> = {};
  for (const field of checkoutFields) {
    const value = data.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * The checkout form's errors, first per field, found as the server action finds them (lib/smartpay.ts):
 * the same fields read from the form data (checkoutValuesOf), checked with the same schema.
 *
 * The form (components/checkout-form.tsx) loads this module when the shopper first reaches it, so zod is
 * neither downloaded nor evaluated while the page loads and hydrates.
 */
export function checkoutFormErrors(data: FormData): CheckoutFieldErrors {
  const parsed = checkoutSchema.safeParse(checkoutValuesOf(data));
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}
