import type { Localized } from '@/lib/i18n/locales';

export type CategoryId = 'tea' | 'tableware' | 'stationery' | 'textiles';

export interface Category {
  id: CategoryId;
  name: Localized;
}

export interface Product {
  /** Stable identifier kept in carts and sent to Smartpay as the product reference. */
  id: string;
  /** URL segment of the product page: /products/<slug> */
  slug: string;
  category: CategoryId;
  name: Localized;
  description: Localized;
  /** Tax-included unit price in yen (an integer). */
  price: number;
  /** Path of the product image under public/, e.g. /products/sencha.svg */
  image: string;
  /** Who makes it, in each language; also sent to Smartpay as the item's brand. */
  maker: Localized;
}
