import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOwner, newBrowserId } from '@/lib/checkout/browser-id';
import { cleanDraft, deleteCheckoutDraft, openDraft, purgeCheckoutDrafts, readCheckoutDraft, saveCheckoutDraft, sealDraft } from '@/lib/checkout/drafts';
import type { DatabaseHandle } from '@/lib/db/client';
import { checkoutDrafts } from '@/lib/db/schema';
import { purgeDemoOrders } from '@/lib/orders/purge';
import { databaseKind, openTestDatabase } from '@/test/database';

const SECRET = 'a-test-cookie-secret-of-at-least-32-characters';
const typed = { email: 'hanako@example.com', familyName: '佐藤', givenName: '花子', phone: '090-1111-2222', prefecture: '27', line2: '' };
const longAgo = new Date(0);

describe('sealed drafts', () => {
  it('open only for the browser they were sealed for', () => {
    const browser = newBrowserId();
    const sealed = sealDraft(cleanDraft(typed), browser, SECRET);
    expect(sealed).not.toContain('hanako');
    expect(openDraft(sealed, browser, SECRET)).toEqual({ email: typed.email, familyName: '佐藤', givenName: '花子', phone: typed.phone, prefecture: '27' });
    expect(openDraft(sealed, newBrowserId(), SECRET)).toBeUndefined();
    expect(openDraft(sealed, browser, `${SECRET}-other`)).toBeUndefined();
  });

  it('refuse altered or malformed values', () => {
    const browser = newBrowserId();
    const [iv, tag, ciphertext] = sealDraft({ email: typed.email }, browser, SECRET).split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(openDraft(`${iv}.${tag}.${flipped.toString('base64url')}`, browser, SECRET)).toBeUndefined();
    for (const bad of ['', 'x', 'a.b.c', `${iv}.${tag}`, `${iv}.${tag}.${ciphertext}.x`]) expect(openDraft(bad, browser, SECRET)).toBeUndefined();
  });

  it('keep only the form fields, as bounded strings', () => {
    expect(cleanDraft({ email: 'a'.repeat(1000), attempt: 'x', city: 7, givenName: '名' })).toEqual({ email: 'a'.repeat(300), givenName: '名' });
  });
});

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`stored drafts (${databaseKind})`, () => {
  it('are read back by the same browser only, replaced by the next submission, and deleted', async () => {
    const browser = newBrowserId();
    const stranger = newBrowserId();
    await saveCheckoutDraft(handle.db, browser, SECRET, typed);
    expect(await readCheckoutDraft(handle.db, browser, SECRET, longAgo)).toMatchObject({ email: typed.email, familyName: '佐藤' });
    expect(await readCheckoutDraft(handle.db, stranger, SECRET, longAgo)).toEqual({});

    await saveCheckoutDraft(handle.db, browser, SECRET, { ...typed, city: '大阪市' });
    expect(await readCheckoutDraft(handle.db, browser, SECRET, longAgo)).toMatchObject({ city: '大阪市' });
    expect(await handle.db.select().from(checkoutDrafts).where(eq(checkoutDrafts.owner, browserOwner(browser)))).toHaveLength(1);

    // Nothing readable is stored: the row is keyed by a digest and holds ciphertext.
    const [row] = await handle.db.select().from(checkoutDrafts).where(eq(checkoutDrafts.owner, browserOwner(browser)));
    expect(JSON.stringify(row)).not.toMatch(/hanako|佐藤|大阪|090-1111-2222/);
    expect(JSON.stringify(row)).not.toContain(browser);

    await deleteCheckoutDraft(handle.db, browser);
    expect(await readCheckoutDraft(handle.db, browser, SECRET, longAgo)).toEqual({});
  });

  it('older than the retention are not shown, and are purged with the demo orders or on their own', async () => {
    const [old, older, fresh] = [newBrowserId(), newBrowserId(), newBrowserId()];
    for (const browser of [old, older, fresh]) await saveCheckoutDraft(handle.db, browser, SECRET, typed);
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    for (const browser of [old, older]) {
      await handle.db.update(checkoutDrafts).set({ updatedAt: dayAgo }).where(eq(checkoutDrafts.owner, browserOwner(browser)));
    }
    const cutoff = new Date(Date.now() - 24 * 3_600_000);
    expect(await readCheckoutDraft(handle.db, old, SECRET, cutoff)).toEqual({});
    expect(await readCheckoutDraft(handle.db, fresh, SECRET, cutoff)).toMatchObject({ email: typed.email });

    await handle.db.update(checkoutDrafts).set({ updatedAt: new Date() }).where(eq(checkoutDrafts.owner, browserOwner(older)));
    const purged = await purgeDemoOrders(handle.db, cutoff);
    expect(purged?.checkoutDrafts).toBeGreaterThanOrEqual(1);
    expect(await readCheckoutDraft(handle.db, old, SECRET, longAgo)).toEqual({});
    expect(await readCheckoutDraft(handle.db, older, SECRET, longAgo)).toMatchObject({ email: typed.email });

    await handle.db.update(checkoutDrafts).set({ updatedAt: dayAgo }).where(eq(checkoutDrafts.owner, browserOwner(older)));
    expect(await purgeCheckoutDrafts(handle.db, cutoff)).toBeGreaterThanOrEqual(1);
    expect(await readCheckoutDraft(handle.db, older, SECRET, longAgo)).toEqual({});
    expect(await readCheckoutDraft(handle.db, fresh, SECRET, longAgo)).toMatchObject({ email: typed.email });
  });
});
