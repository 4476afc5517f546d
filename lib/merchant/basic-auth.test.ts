import { describe, expect, it } from 'vitest';
import { constantTimeEqual, isMerchantAllowed, merchantAccess, parseBasicAuth } from '@/lib/merchant/basic-auth';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const password = 'correct-horse-battery';

describe('merchant basic auth', () => {
  it('is open on the sandbox in development, and shows a public demo visitor their own browser only', () => {
    expect(merchantAccess({ mode: 'sandbox', production: false, password: undefined, authorization: null })).toBe('open');
    expect(merchantAccess({ mode: 'sandbox', production: true, password: undefined, authorization: null })).toBe('visitor');
    expect(merchantAccess({ mode: 'sandbox', production: true, password: undefined, authorization: basic('merchant', 'x') })).toBe('visitor');
  });

  it('asks for the password whenever one is set, the sandbox included', () => {
    expect(merchantAccess({ mode: 'sandbox', production: true, password, authorization: null })).toBe('denied');
    expect(merchantAccess({ mode: 'sandbox', production: false, password, authorization: basic('merchant', 'y') })).toBe('denied');
    expect(merchantAccess({ mode: 'sandbox', production: true, password, authorization: basic('merchant', password) })).toBe('granted');
  });

  it('is closed to everyone outside sandbox mode when no password is set', () => {
    expect(merchantAccess({ mode: 'test', production: true, password: undefined, authorization: basic('merchant', '') })).toBe('unconfigured');
    expect(merchantAccess({ mode: 'live', production: true, password: undefined, authorization: null })).toBe('unconfigured');
    expect(isMerchantAllowed('unconfigured')).toBe(false);
  });

  it('grants the merchant user with the right password only', () => {
    expect(merchantAccess({ mode: 'test', production: true, password, authorization: basic('merchant', password) })).toBe('granted');
    expect(merchantAccess({ mode: 'live', production: true, password, authorization: basic('merchant', `${password}x`) })).toBe('denied');
    expect(merchantAccess({ mode: 'live', production: true, password, authorization: basic('admin', password) })).toBe('denied');
    expect(merchantAccess({ mode: 'live', production: true, password, authorization: null })).toBe('denied');
    expect(merchantAccess({ mode: 'live', production: true, password, authorization: 'Bearer abc' })).toBe('denied');
  });

  it('keeps colons in the password', () => {
    expect(parseBasicAuth(basic('merchant', 'a:b:c'))).toEqual({ user: 'merchant', password: 'a:b:c' });
    expect(parseBasicAuth(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeUndefined();
  });

  it('compares strings of any length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
