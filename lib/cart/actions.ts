'use server';

import { refresh } from 'next/cache';
import { addToCart, removeFromCart, setQuantity, type CartChange } from '@/lib/cart/cart';
import { readCart, writeCart } from '@/lib/cart/cart-cookie';
import { getProductById } from '@/lib/catalog';

export type CartActionState =
  | { status: 'idle' }
  | { status: 'ok'; message: 'added' | 'updated'; at: number }
  | { status: 'error'; error: 'tooManyLines' | 'invalidQuantity' | 'unknownProduct'; at: number };

const failure = (error: Extract<CartActionState, { status: 'error' }>['error']): CartActionState => ({
  status: 'error',
  error,
  at: Date.now(),
});

async function apply(change: CartChange, message: 'added' | 'updated'): Promise<CartActionState> {
  if (!change.ok) return failure(change.reason === 'too-many-lines' ? 'tooManyLines' : 'invalidQuantity');
  await writeCart(change.cart);
  // The page the shopper is on shows the cart (the cart page, the checkout summary): render it again.
  refresh();
  return { status: 'ok', message, at: Date.now() };
}

const quantityOf = (formData: FormData) => Number(formData.get('quantity') ?? 1);

export async function addToCartAction(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const productId = String(formData.get('productId') ?? '');
  if (!getProductById(productId)) return failure('unknownProduct');
  return apply(addToCart(await readCart(), productId, quantityOf(formData)), 'added');
}

export async function updateQuantityAction(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const productId = String(formData.get('productId') ?? '');
  return apply(setQuantity(await readCart(), productId, quantityOf(formData)), 'updated');
}

export async function removeFromCartAction(formData: FormData): Promise<void> {
  const productId = String(formData.get('productId') ?? '');
  await writeCart(removeFromCart(await readCart(), productId));
  refresh();
}

/** Drops cart entries for products the catalog no longer sells. */
export async function dropUnknownProductsAction(): Promise<void> {
  const cart = await readCart();
  const kept = cart.filter((line) => getProductById(line.productId));
  if (kept.length !== cart.length) await writeCart(kept);
}
