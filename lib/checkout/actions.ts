'use server';

import { revalidatePath } from 'next/cache';
import { writeCart } from '@/lib/cart/cart-cookie';
import { findPendingCheckout, savePendingCheckout } from '@/lib/checkout/pending-checkouts';
import { getFreshOrder } from '@/lib/orders/fresh-order';
import { isPaid } from '@/lib/orders/status';

/**
 * Empties the cart once the order is known to be paid. Checks the stored order (re-checked with Smartpay
 * if not settled) rather than trusting the caller, and does it once per order, so reloading /success
 * never empties a newer cart.
 */
export async function clearCartAfterPayment(reference: string): Promise<{ cleared: boolean }> {
  const entry = await findPendingCheckout(reference);
  if (!entry || entry.cartCleared) return { cleared: false };
  const fresh = await getFreshOrder(reference, 'return');
  if (!fresh || !isPaid(fresh.order.status)) return { cleared: false };
  await writeCart([]);
  await savePendingCheckout({ ...entry, cartCleared: true });
  revalidatePath('/', 'layout');
  return { cleared: true };
}
