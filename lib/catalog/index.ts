import { categories, products } from '@/lib/catalog/products';
import type { Category, CategoryId, Product } from '@/lib/catalog/types';

export type { Category, CategoryId, Product } from '@/lib/catalog/types';

/** Lookup tables built once when the module loads. */
const productsById = new Map<string, Product>(products.map((product) => [product.id, product]));
const productsBySlug = new Map<string, Product>(products.map((product) => [product.slug, product]));
const categoriesById = new Map<string, Category>(categories.map((category) => [category.id, category]));
const productsByCategory = new Map<CategoryId, Product[]>(
  categories.map((category) => [category.id, products.filter((product) => product.category === category.id)]),
);

/** All products in catalog order, or only those of one category. Returns a new array. */
export function listProducts(category?: CategoryId): Product[] {
  if (category === undefined) return [...products];
  return [...(productsByCategory.get(category) ?? [])];
}

export function getProductById(id: string): Product | undefined {
  return productsById.get(id);
}

export function getProductBySlug(slug: string): Product | undefined {
  return productsBySlug.get(slug);
}

/** All categories in display order. Returns a new array. */
export function listCategories(): Category[] {
  return [...categories];
}

/** Accepts any string (e.g. a URL segment); returns undefined when it is not a known category id. */
export function getCategory(id: string): Category | undefined {
  return categoriesById.get(id);
}
