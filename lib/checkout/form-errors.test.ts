import { describe, expect, it } from 'vitest';
import { checkoutFormErrors } from '@/lib/checkout/form-errors';
import { validCheckoutForm } from '@/test/checkout';

const formData = (values: Record<string, string>) => {
  const data = new FormData();
  data.set('attempt', 'not a field');
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};

describe('checkoutFormErrors', () => {
  it('finds nothing wrong with a correctly filled form, optional fields left empty', () => {
    expect(checkoutFormErrors(formData({ ...validCheckoutForm, familyNameKana: '', givenNameKana: '', line2: '' }))).toEqual({});
  });

  it('names the first error of each field as the schema does', () => {
    expect(checkoutFormErrors(formData({ ...validCheckoutForm, email: 'taro@', phone: '12345', city: '渋'.repeat(81), familyNameKana: 'yamada' }))).toEqual({
      email: 'invalidEmail',
      phone: 'invalidPhone',
      city: 'tooLong:80',
      familyNameKana: 'invalidKana',
    });
  });

  it('treats an empty form like the server does', () => {
    expect(checkoutFormErrors(formData({}))).toEqual({
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
});
