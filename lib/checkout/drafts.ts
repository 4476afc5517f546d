import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { browserOwner } from '@/lib/checkout/browser-id';
import { checkoutFields, type CheckoutField } from '@/lib/checkout/schema';
import type { Database } from '@/lib/db/client';
import { preparedFor } from '@/lib/db/prepared';
import { checkoutDrafts } from '@/lib/db/schema';

/**
 * Checkout drafts: what a browser last sent from the checkout form, so the form is filled in again when the
 * shopper comes Back from Smartpay's page or reloads /checkout.
 *
 * Why on the server: it must work without JavaScript, which rules out sessionStorage; the browser's
 * back/forward cache skips pages served no-store, and its own form restoration is lost on a reload. Why
 * not in a cookie or the URL: a cookie's value travels with every request and sits readable in the
 * browser's profile; a URL leaks through history, logs and the Referer. Here the row is keyed by the digest of the browser's id (the httpOnly `browser` cookie), so only
 * that browser finds it, and the values are sealed (AES-256-GCM) with a key derived from its id and the
 * cookie secret, so the database alone cannot read them. The checkout page that shows them is rendered per
 * request with `Cache-Control: private, no-store`: no shared cache ever holds it.
 *
 * A draft is replaced by each submission, deleted once the order is paid (lib/checkout/clear-cart-on-return.ts),
 * and purged after the same retention as the public demo's orders (lib/orders/purge.ts).
 */

export type CheckoutDraft = Partial<Record<CheckoutField, string>>;

/** Longer than any field the schema accepts; anything longer is not kept. */
const MAX_VALUE_LENGTH = 300;

function draftKey(browserId: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`checkout-draft:${browserId}`).digest();
}

/** Only the form's own fields, as strings of a bounded length. */
export function cleanDraft(values: Record<string, unknown>): CheckoutDraft {
  const draft: CheckoutDraft = {};
  for (const field of checkoutFields) {
    const value = values[field];
    if (typeof value === 'string' && value.length > 0) draft[field] = value.slice(0, MAX_VALUE_LENGTH);
  }
  return draft;
}

export function sealDraft(draft: CheckoutDraft, browserId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', draftKey(browserId, secret), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(draft), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

/** The draft sealed for this browser, or undefined for anything else (another browser's, altered, malformed). */
export function openDraft(sealed: string, browserId: string, secret: string): CheckoutDraft | undefined {
  const [iv, tag, ciphertext, ...rest] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext || rest.length > 0 || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', draftKey(browserId, secret), iv);
    decipher.setAuthTag(tag);
    const json = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? cleanDraft(parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The upsert each checkout submission runs, prepared once per database (lib/db/prepared.ts). */
function prepareSave(db: Database) {
  const value = sql.placeholder;
  const sealed = sql`${value('sealed')}::text`;
  const updatedAt = sql`${value('updatedAt')}::timestamptz`;
  return db
    .insert(checkoutDrafts)
    .values({ owner: sql`${value('owner')}::text`, sealed, updatedAt })
    .onConflictDoUpdate({ target: checkoutDrafts.owner, set: { sealed, updatedAt } })
    .prepare('save_checkout_draft');
}

/** Keeps what this browser sent, replacing its previous draft. */
export async function saveCheckoutDraft(db: Database, browserId: string, secret: string, values: Record<string, unknown>): Promise<void> {
  await preparedFor(db, 'save_checkout_draft', () => prepareSave(db)).execute({
    owner: browserOwner(browserId),
    sealed: sealDraft(cleanDraft(values), browserId, secret),
    // The shop's clock, as the one readCheckoutDraft compares with.
    updatedAt: new Date().toISOString(),
  });
}

/** This browser's draft, if it has one saved after `notBefore`; an empty draft otherwise. */
export async function readCheckoutDraft(db: Database, browserId: string, secret: string, notBefore: Date): Promise<CheckoutDraft> {
  const [row] = await db
    .select({ sealed: checkoutDrafts.sealed })
    .from(checkoutDrafts)
    .where(and(eq(checkoutDrafts.owner, browserOwner(browserId)), gte(checkoutDrafts.updatedAt, notBefore)));
  return (row && openDraft(row.sealed, browserId, secret)) ?? {};
}

export async function deleteCheckoutDraft(db: Database, browserId: string): Promise<void> {
  await db.delete(checkoutDrafts).where(eq(checkoutDrafts.owner, browserOwner(browserId)));
}

/** Deletes the drafts last saved before `cutoff`; returns how many. */
export async function purgeCheckoutDrafts(db: Pick<Database, 'delete'>, cutoff: Date): Promise<number> {
  const deleted = await db.delete(checkoutDrafts).where(lt(checkoutDrafts.updatedAt, cutoff)).returning({ owner: checkoutDrafts.owner });
  return deleted.length;
}
