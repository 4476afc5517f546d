import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/smartpay-integration.md names files, functions and tests; every one of them must exist, so the
 * guide cannot drift from the code it describes.
 */
const root = path.resolve(import.meta.dirname, '..');
const guide = readFileSync(path.join(root, 'docs/smartpay-integration.md'), 'utf8').replace(/\s+/g, ' ');

const isRepoPath = (token: string) => /^(lib|app|components|e2e|scripts|test|drizzle)\/\S+\.\w+$/.test(token) || /^[\w-]+\.(ts|mjs)$/.test(token);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `file` › `name`, `name` … and `file` › “test”, “test” … */
const references = [...guide.matchAll(/`([^`]+)` › ((?:(?:`[^`]+`|“[^”]+”)(?:, )?)+)/g)]
  .filter(([, file]) => isRepoPath(file!))
  .map(([, file, list]) => ({
    file: file!,
    names: [...list!.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!),
    tests: [...list!.matchAll(/“([^”]+)”/g)].map((m) => m[1]!),
  }));

describe('docs/smartpay-integration.md', () => {
  it('names only files that exist', () => {
    const paths = [...guide.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!).filter(isRepoPath);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((file) => !existsSync(path.join(root, file)))).toEqual([]);
  });

  it('names only functions that are declared where it says', () => {
    const missing = references.flatMap(({ file, names }) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return names
        .filter((name) => !new RegExp(`(?:function|const|class|let)\\s+${escape(name)}\\b|^\\s*(?:async\\s+)?${escape(name)}\\s*[(<]`, 'm').test(source))
        .map((name) => `${file} › ${name}`);
    });
    expect(references.reduce((sum, r) => sum + r.names.length, 0)).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('names only tests that exist, with their exact titles', () => {
    const missing = references.flatMap(({ file, tests }) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return tests.filter((title) => !source.includes(`'${title}'`) && !source.includes(`\`${title}\``)).map((title) => `${file} › ${title}`);
    });
    expect(references.reduce((sum, r) => sum + r.tests.length, 0)).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  it('covers every field of the create-checkout-session body the shop sends', () => {
    for (const field of ['amount', 'cancelUrl', 'captureMethod', 'currency', 'customerInfo', 'description', 'items', 'locale', 'metadata', 'reference', 'shippingInfo', 'successUrl']) {
      expect(guide, field).toMatch(new RegExp(`\\| \`${field}\` \\|`));
    }
  });
});
