import { describe, expect, it } from 'vitest';
import { toE164, isJapanesePhone } from '@/lib/checkout/phone';
import { checkoutSchema, fieldErrorsOf } from '@/lib/checkout/schema';
import { validCheckoutForm } from '@/test/checkout';

const valid = validCheckoutForm;

const errorsOf = (input: Record<string, unknown>) => {
  const result = checkoutSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe('checkoutSchema', () => {
  it('accepts a Japanese address and normalizes it', () => {
    const data = checkoutSchema.parse({
      ...valid,
      email: ' TARO@example.com ',
      phone: '０９０ １２３４ ５６７８',
      postalCode: '１５００００１',
      familyNameKana: 'やまだ',
      givenNameKana: 'ﾀﾛｳ',
    });
    expect(data.phone).toBe('09012345678');
    expect(data.postalCode).toBe('150-0001');
    expect(data.familyNameKana).toBe('ヤマダ');
    expect(data.givenNameKana).toBe('タロウ');
    expect(data.email).toBe('TARO@example.com');
  });

  it('names every missing required field', () => {
    expect(errorsOf({})).toEqual({
      email: 'required',
      familyName: 'required',
      givenName: 'required',
      phone: 'required',
      postalCode: 'required',
      prefecture: 'invalidPrefecture',
      city: 'required',
      line1: 'required',
    });
  });

  it('rejects malformed values with a key per problem', () => {
    expect(
      errorsOf({
        ...valid,
        email: 'taro@',
        phone: '12345',
        postalCode: '15-0001',
        prefecture: '48',
        city: 'x'.repeat(81),
        familyNameKana: 'yamada',
        line2: 'x'.repeat(101),
      }),
    ).toEqual({
      email: 'invalidEmail',
      phone: 'invalidPhone',
      postalCode: 'invalidPostalCode',
      prefecture: 'invalidPrefecture',
      city: 'tooLong:80',
      familyNameKana: 'invalidKana',
      line2: 'tooLong:100',
    });
  });

  it('accepts a city of exactly 80 characters (Smartpay’s limit)', () => {
    expect(checkoutSchema.safeParse({ ...valid, city: 'x'.repeat(80) }).success).toBe(true);
  });
});

describe('phone numbers', () => {
  it.each([
    ['090-1234-5678', '+819012345678'],
    ['03-1234-5678', '+81312345678'],
    ['(03) 1234 5678', '+81312345678'],
    ['+81 90-1234-5678', '+819012345678'],
    ['0120-123-456', '+81120123456'],
    ['0800-123-4567', '+818001234567'],
    ['０８０ー１２３４ー５６７８', '+818012345678'],
  ])('%s is %s in E.164', (input, e164) => {
    expect(isJapanesePhone(input)).toBe(true);
    expect(toE164(input)).toBe(e164);
  });

  it.each(['12345', '090-1234-567', '03-1234-56789', '+1 415 555 0100', '00-1234-5678', 'abc'])('%s is refused', (input) => {
    expect(isJapanesePhone(input)).toBe(false);
    expect(() => toE164(input)).toThrow();
  });
});
