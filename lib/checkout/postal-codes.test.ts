import { describe, expect, it } from 'vitest';
import { lookupPostalCode } from '@/lib/checkout/postal-codes';
import { normalizePostalCode } from '@/lib/checkout/schema';

describe('postal codes (Japan Post data, offline)', () => {
  it('gives the prefecture code, city and town of a code, however it is typed', () => {
    const jingumae = { postalCode: '150-0001', prefecture: '13', city: '渋谷区', town: '神宮前' };
    expect(lookupPostalCode('1500001')).toEqual(jingumae);
    expect(lookupPostalCode('150-0001')).toEqual(jingumae);
    expect(lookupPostalCode('１５０ー０００１')).toEqual(jingumae);
    expect(lookupPostalCode('107-0052')).toMatchObject({ prefecture: '13', city: '港区', town: '赤坂' });
  });

  it('gives no town for a code that covers a whole city', () => {
    expect(lookupPostalCode('060-0000')).toEqual({ postalCode: '060-0000', prefecture: '01', city: '札幌市中央区' });
  });

  it('knows nothing of unknown or malformed codes', () => {
    expect(lookupPostalCode('999-9999')).toBeUndefined();
    expect(lookupPostalCode('12345')).toBeUndefined();
    expect(lookupPostalCode('abc-defg')).toBeUndefined();
    expect(normalizePostalCode(' 150 0001 ')).toBe('1500001');
  });
});
