/**
 * Smartpay API shapes used by the shop (a subset of https://api.smartpay.co/v1).
 * Responses are validated with zod at the boundary (see schemas.ts); these are the request types.
 */

export interface SmartpayAddress {
  line1: string;
  line2?: string;
  subLocality?: string;
  /** City or ward, at most 80 characters. */
  locality: string;
  /** Prefecture, e.g. 東京都 */
  administrativeArea?: string;
  postalCode: string;
  country: 'JP';
}

export interface SmartpayCustomerInfo {
  emailAddress?: string;
  firstName?: string;
  lastName?: string;
  firstNameKana?: string;
  lastNameKana?: string;
  /** E.164, e.g. +819012345678 */
  phoneNumber?: string;
  address?: SmartpayAddress;
  reference?: string;
}

export interface SmartpayItem {
  kind?: 'product' | 'tax' | 'discount';
  name: string;
  /** Unit amount in yen. */
  amount: number;
  currency: 'JPY';
  quantity?: number;
  description?: string;
  brand?: string;
  categories?: string[];
  images?: string[];
  reference?: string;
  url?: string;
}

export interface CreateCheckoutSessionRequest {
  amount: number;
  currency: 'JPY';
  items: SmartpayItem[];
  shippingInfo: {
    address: SmartpayAddress;
    feeAmount?: number;
    feeCurrency?: 'JPY';
  };
  customerInfo: SmartpayCustomerInfo;
  captureMethod?: 'automatic' | 'manual';
  reference?: string;
  description?: string;
  locale?: 'ja' | 'en';
  metadata?: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
}
