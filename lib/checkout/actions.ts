'use server';

import { revalidatePath } from 'next/cache';
import { writeCart } from '@/lib/cart/cart-cookie';
import { confirmCheckout } from '@/lib/checkout/confirm-checkout';
import { findPendingCheckout, savePendingCheckout } from '@/lib/checkout/pending-checkouts';

/**
 * Empties the cart once Smartpay confirms the order was paid. Checks again with Smartpay rather than
 * trusting the caller, and does it once per order, so reloading /success never empties a newer cart.
 */
export async function clearCartAfterPayment(reference: string): Promise<{ cleared: boolean }> {
  const entry = await findPendingCheckout(reference);
  if (!entry || entry.cartCleared) return { cleared: false };
  const confirmation = await confirmCheckout(entry);
  if (confirmation.kind !== 'order' || !confirmation.paid) return { cleared: false };
  await writeCart([]);
  await savePendingCheckout({ ...entry, cartCleared: true });
  revalidatePath('/', 'layout');
  return { cleared: true };
}
