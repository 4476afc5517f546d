import { zodResolver } from '@hookform/resolvers/zod';
import { checkoutSchema } from '@/lib/checkout/schema';

/**
 * The checkout form's browser-side validation: the shared schema through react-hook-form's zod resolver.
 * The form loads this module when the shopper first reaches the form (components/checkout-form.tsx), so
 * zod is neither downloaded nor evaluated while the page loads and hydrates.
 */
export const checkoutResolver = zodResolver(checkoutSchema);
