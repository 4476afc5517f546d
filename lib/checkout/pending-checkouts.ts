import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { cookieOptions } from '@/lib/cookie-options';
import { getSecrets } from '@/lib/secrets';
import { signValue, verifySignedValue } from '@/lib/signed-value';

/**
 * The checkouts this browser started, newest first, in a signed httpOnly cookie. /success shows an
 * order only to the browser that placed it; the order itself lives in the database.
 */
export const PENDING_CHECKOUTS_COOKIE = 'checkouts';
const MAX_ENTRIES = 5;
export const PENDING_CHECKOUTS_MAX_AGE = 60 * 60 * 24 * 7;

const entrySchema = z.object({
  reference: z.string(),
  createdAt: z.number(),
  /** Set once the cart was emptied for this order, so a reload of /success never empties a newer cart. */
  cartCleared: z.boolean().optional(),
});
export type PendingCheckout = z.infer<typeof entrySchema>;

/** The entries of a cookie value; anything not signed with `secret`, or unreadable, is no entries. */
export function parsePendingCheckouts(raw: string | undefined, secret: string): PendingCheckout[] {
  const parsed = z.array(entrySchema).safeParse(verifySignedValue(raw, secret));
  return parsed.success ? parsed.data : [];
}

/** The cookie value with `entry` added or replacing the one with its reference. */
export function withPendingCheckout(entries: PendingCheckout[], entry: PendingCheckout, secret: string): string {
  const others = entries.filter((e) => e.reference !== entry.reference);
  return signValue([entry, ...others].slice(0, MAX_ENTRIES), secret);
}

export async function findPendingCheckout(reference: string): Promise<PendingCheckout | undefined> {
  const raw = (await cookies()).get(PENDING_CHECKOUTS_COOKIE)?.value;
  return parsePendingCheckouts(raw, (await getSecrets()).cookieSecret).find((entry) => entry.reference === reference);
}

/** Adds or replaces the entry for `entry.reference`. Only callable from a server action or route handler. */
export async function savePendingCheckout(entry: PendingCheckout): Promise<void> {
  const store = await cookies();
  const { cookieSecret } = await getSecrets();
  const value = withPendingCheckout(parsePendingCheckouts(store.get(PENDING_CHECKOUTS_COOKIE)?.value, cookieSecret), entry, cookieSecret);
  store.set(PENDING_CHECKOUTS_COOKIE, value, cookieOptions(PENDING_CHECKOUTS_MAX_AGE));
}
