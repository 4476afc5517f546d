import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/client';
import { merchantScope } from '@/lib/merchant/access';
import { databaseKind, openTestDatabase } from '@/test/database';
import { uniqueSuffix } from '@/test/orders';

/** merchantScope as a server action posted to a path proxy.ts does not guard would run it. */
const state = vi.hoisted(() => ({ headers: new Headers(), handle: undefined as unknown as DatabaseHandle, password: 'a-long-enough-password' }));
const PASSWORD = state.password;

vi.mock('next/headers', () => ({
  headers: async () => state.headers,
  cookies: async () => ({ get: () => undefined, has: () => false }),
}));
vi.mock('@/lib/config', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/config')>();
  const config = original.parseConfig({ MERCHANT_PASSWORD: state.password });
  return { ...original, getConfig: () => config };
});
vi.mock('@/lib/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/client')>()),
  db: async () => state.handle.db,
  getDatabase: async () => state.handle,
}));

beforeAll(async () => {
  state.handle = await openTestDatabase();
});
afterAll(async () => {
  await state.handle?.close();
});

const basic = (password: string) => `Basic ${Buffer.from(`merchant:${password}`).toString('base64')}`;

describe(`merchant scope with a password (${databaseKind})`, () => {
  it('counts wrong passwords towards the sign-in lockout, which then refuses even the right one for a while', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ip = `203.0.113.${uniqueSuffix()}`;
    state.headers = new Headers({ authorization: basic('a-wrong-password-guess'), 'x-forwarded-for': ip });
    for (let i = 0; i < 6; i++) expect(await merchantScope()).toBeUndefined();
    state.headers = new Headers({ authorization: basic(PASSWORD), 'x-forwarded-for': ip });
    expect(await merchantScope()).toBeUndefined();
    // Another address is not blocked.
    state.headers = new Headers({ authorization: basic(PASSWORD), 'x-forwarded-for': `198.51.100.${uniqueSuffix()}` });
    expect(await merchantScope()).toEqual({ kind: 'all' });
    // The block of the sixth failure lasts 1 s.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    state.headers = new Headers({ authorization: basic(PASSWORD), 'x-forwarded-for': ip });
    expect(await merchantScope()).toEqual({ kind: 'all' });
  });
});
