import { describe, expect, it } from 'vitest';
import { followingAttempt, issueAttempt, orderReferenceFor, verifyAttempt } from '@/lib/checkout/attempt';
import { browserOwner, isBrowserId, newBrowserId } from '@/lib/checkout/browser-id';

const secret = 'a-cookie-secret-for-the-tests-0000000000';

describe('checkout attempts', () => {
  it('are worth something only to the browser they were issued to', () => {
    const mine = newBrowserId();
    const theirs = newBrowserId();
    const token = issueAttempt(mine, secret);
    const attemptId = verifyAttempt(token, mine, secret);
    expect(attemptId).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.startsWith(`${attemptId}.`)).toBe(true);
    // The victim's token posted from another browser, a token with a MAC of another secret, bare ids, junk.
    expect(verifyAttempt(token, theirs, secret)).toBeUndefined();
    expect(verifyAttempt(issueAttempt(mine, 'another-secret-0000000000000000000000'), mine, secret)).toBeUndefined();
    expect(verifyAttempt(attemptId, mine, secret)).toBeUndefined();
    expect(verifyAttempt(`${attemptId}.`, mine, secret)).toBeUndefined();
    expect(verifyAttempt(`${attemptId}.${token.split('.')[1]}.x`, mine, secret)).toBeUndefined();
    expect(verifyAttempt(`not-a-uuid.${token.split('.')[1]}`, mine, secret)).toBeUndefined();
    expect(verifyAttempt(undefined, mine, secret)).toBeUndefined();
    // Knowing the reference (it is in the success URL) gives nothing to forge a token with.
    const reference = orderReferenceFor(attemptId!);
    expect(reference).toMatch(/^SP-[0-9A-F]{12}$/);
  });

  it('derive the same following attempt for the same changed form, and another for other content', () => {
    const browser = newBrowserId();
    const attemptId = verifyAttempt(issueAttempt(browser, secret), browser, secret)!;
    const next = followingAttempt(attemptId, browser, 'digest-a', secret, 1);
    expect(next).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(followingAttempt(attemptId, browser, 'digest-a', secret, 1)).toBe(next);
    expect(followingAttempt(attemptId, browser, 'digest-b', secret, 1)).not.toBe(next);
    expect(followingAttempt(attemptId, browser, 'digest-a', secret, 2)).not.toBe(next);
    expect(followingAttempt(attemptId, newBrowserId(), 'digest-a', secret, 1)).not.toBe(next);
    expect(verifyAttempt(issueAttempt(browser, secret, next), browser, secret)).toBe(next);
  });

  it('bind to a browser id that is random and kept in the database only as a digest', () => {
    const id = newBrowserId();
    expect(isBrowserId(id)).toBe(true);
    expect(isBrowserId(`${id}x`)).toBe(false);
    expect(isBrowserId('../../etc')).toBe(false);
    expect(newBrowserId()).not.toBe(id);
    expect(browserOwner(id)).toMatch(/^[0-9a-f]{32}$/);
    expect(browserOwner(id)).not.toContain(id);
  });
});
