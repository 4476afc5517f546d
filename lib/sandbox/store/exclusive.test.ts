import { describe, expect, it } from 'vitest';
import { newStore } from '../testing/helpers';
import { MemoryStore } from './memory-store';

/**
 * Runs on the memory store, and in the `sandbox-on-database` project on the database store over PGlite,
 * which has one connection: there every transaction waits for the one before it, whatever its scope, so
 * only the memory store (here) and PostgreSQL (store/postgres.db.test.ts) can show scopes side by side.
 */
describe('exclusive sections', () => {
  it('run one at a time per scope (owner), and side by side across scopes', async (context) => {
    const store = newStore();
    if (!(store instanceof MemoryStore)) context.skip();
    let release!: () => void;
    const held = store.exclusive('owner-a', () => new Promise<void>((resolve) => (release = resolve)));
    let sameOwnerRan = false;
    const sameOwner = store.exclusive('owner-a', async () => {
      sameOwnerRan = true;
    });
    // Another owner's section completes while owner-a's is held (if it waited, this await would never end).
    expect(await store.exclusive('owner-b', async () => 'done')).toBe('done');
    expect(sameOwnerRan).toBe(false);
    release();
    await held;
    await sameOwner;
    expect(sameOwnerRan).toBe(true);
  });

  it('run nested sections inline', async () => {
    const store = newStore();
    const result = await store.exclusive('owner-a', (section) => section.exclusive('owner-a', async () => 'inner'));
    expect(result).toBe('inner');
  });
});
