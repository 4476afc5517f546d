/** The checkout form as a shopper fills it in correctly (the fields of lib/checkout/schema.ts). */
export const validCheckoutForm = {
  email: 'taro@example.com',
  familyName: '山田',
  givenName: '太郎',
  phone: '090-1234-5678',
  postalCode: '150-0001',
  prefecture: '13',
  city: '渋谷区',
  line1: '神宮前1-2-3',
};
