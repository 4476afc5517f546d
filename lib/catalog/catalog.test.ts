import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  getCategory,
  getProductById,
  getProductBySlug,
  listCategories,
  listProducts,
} from '@/lib/catalog';
import { locales } from '@/lib/i18n/locales';

const products = listProducts();
const categories = listCategories();

describe('catalog data', () => {
  it('has at least 12 products and 3 categories', () => {
    expect(products.length).toBeGreaterThanOrEqual(12);
    expect(categories.length).toBeGreaterThanOrEqual(3);
  });

  it('has unique product ids and slugs', () => {
    const ids = products.map((product) => product.id);
    const slugs = products.map((product) => product.slug);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('prices every product as a positive integer of yen', () => {
    for (const product of products) {
      expect(Number.isInteger(product.price), product.id).toBe(true);
      expect(product.price, product.id).toBeGreaterThan(0);
    }
  });

  it('puts every product in an existing category', () => {
    for (const product of products) {
      expect(getCategory(product.category), product.id).toBeDefined();
    }
  });

  it('has an image file under public/ for every product', () => {
    for (const product of products) {
      expect(existsSync(path.join(process.cwd(), 'public', product.image)), product.image).toBe(true);
    }
  });

  it('names every product in every locale, in at most 40 characters', () => {
    for (const product of products) {
      for (const locale of locales) {
        const name = product.name[locale];
        expect(name.trim().length, `${product.id} ${locale}`).toBeGreaterThan(0);
        expect(name.length, `${product.id} ${locale}`).toBeLessThanOrEqual(40);
      }
    }
  });

  it('names the maker of every product in every locale, in Japanese script in Japanese', () => {
    for (const product of products) {
      for (const locale of locales) expect(product.maker[locale].trim().length, `${product.id} ${locale}`).toBeGreaterThan(0);
      expect(product.maker.ja, product.id).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
      expect(product.maker.en, product.id).toMatch(/^[A-Za-z][A-Za-z .'-]*$/);
    }
  });
});

describe('catalog lookups', () => {
  it('finds every product by id and by slug', () => {
    for (const product of products) {
      expect(getProductById(product.id)).toBe(product);
      expect(getProductBySlug(product.slug)).toBe(product);
    }
  });

  it('returns undefined for unknown ids, slugs and categories', () => {
    expect(getProductById('p_does_not_exist')).toBeUndefined();
    expect(getProductById('')).toBeUndefined();
    expect(getProductBySlug('no-such-product')).toBeUndefined();
    expect(getCategory('no-such-category')).toBeUndefined();
  });

  it('filters products by category', () => {
    for (const category of categories) {
      const inCategory = listProducts(category.id);
      expect(inCategory.length).toBeGreaterThan(0);
      expect(inCategory.every((product) => product.category === category.id)).toBe(true);
    }
    expect(categories.reduce((sum, category) => sum + listProducts(category.id).length, 0)).toBe(products.length);
  });
});
