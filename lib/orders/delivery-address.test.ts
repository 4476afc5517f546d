import { describe, expect, it } from 'vitest';
import { addressLines, recipientName } from '@/lib/orders/delivery-address';

const address = { postalCode: '150-0001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3', line2: 'スマートペイビル 101' };

describe('addressLines', () => {
  it('writes a Japanese address from the postal code down to the building', () => {
    expect(addressLines(address, 'ja')).toEqual(['〒150-0001', '東京都渋谷区神宮前1-2-3', 'スマートペイビル 101']);
  });

  it('writes an English address from the building up, with the prefecture in English and the country', () => {
    expect(addressLines(address, 'en').join(', ')).toBe('スマートペイビル 101, 神宮前1-2-3, 渋谷区, Tokyo, 150-0001, Japan');
  });

  it('leaves out a missing building line in both languages', () => {
    const withoutBuilding = { ...address, line2: undefined };
    expect(addressLines(withoutBuilding, 'ja')).toEqual(['〒150-0001', '東京都渋谷区神宮前1-2-3']);
    expect(addressLines({ ...withoutBuilding, prefecture: '北海道' }, 'en')).toEqual(['神宮前1-2-3', '渋谷区, Hokkaido, 150-0001', 'Japan']);
  });
});

describe('recipientName', () => {
  it('puts the family name first in Japanese, with 様', () => {
    expect(recipientName({ familyName: '山田', givenName: '太郎' }, 'ja')).toBe('山田 太郎 様');
  });

  it('puts a name in Latin letters given name first in English, and keeps one in Japanese script family name first', () => {
    expect(recipientName({ familyName: 'Yamada', givenName: 'Taro' }, 'en')).toBe('Taro Yamada');
    expect(recipientName({ familyName: 'Smith', givenName: 'Mary-Jane' }, 'en')).toBe('Mary-Jane Smith');
    expect(recipientName({ familyName: '山田', givenName: '太郎' }, 'en')).toBe('山田 太郎');
  });
});
