'use client';

import Link from 'next/link';
import { useActionState, useEffect } from 'react';
import { announceCartChange } from '@/components/cart-count';
import { addToCartAction, type CartActionState } from '@/lib/cart/actions';
import { MAX_CART_LINES, MAX_QUANTITY, MIN_QUANTITY } from '@/lib/cart/limits';
import { format } from '@/lib/i18n/format';
import type { AddToCartMessages } from '@/components/add-to-cart-messages';

interface Props {
  productId: string;
  productName: string;
  /** From `addToCartMessages(t)`: only the texts the form shows. */
  t: AddToCartMessages;
  /** Shows a quantity field (product page) or just the button (catalog grid). */
  withQuantity?: boolean;
}

export function AddToCartForm({ productId, productName, t, withQuantity = false }: Props) {
  const [state, formAction, pending] = useActionState<CartActionState, FormData>(addToCartAction, { status: 'idle' });
  useEffect(() => {
    if (state.status === 'ok') announceCartChange();
  }, [state]);
  const errorText =
    state.status === 'error'
      ? state.error === 'tooManyLines'
        ? format(t.cart.tooManyLines, { max: MAX_CART_LINES })
        : state.error === 'invalidQuantity'
          ? format(t.cart.invalidQuantity, { min: MIN_QUANTITY, max: MAX_QUANTITY })
          : t.cart.unknownProduct
      : undefined;

  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-end gap-2">
        {withQuantity && (
          <label className="text-sm">
            {t.product.quantity}
            <select name="quantity" defaultValue="1" className="field-input w-20" data-testid="add-quantity">
              {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="submit"
          className="btn-primary flex-1"
          disabled={pending}
          aria-label={`${t.product.addToCart}: ${productName}`}
          data-testid={`add-to-cart-${productId}`}
        >
          {pending ? t.product.adding : t.product.addToCart}
        </button>
      </div>
      <p aria-live="polite" role="status" className="min-h-5 text-sm" key={state.status === 'idle' ? 0 : state.at}>
        {state.status === 'ok' && (
          <span className="text-green-800">
            {t.product.added}{' '}
            <Link href="/cart" prefetch={false} className="underline">
              {t.product.viewCart}
            </Link>
          </span>
        )}
        {errorText && <span className="text-red-700">{errorText}</span>}
      </p>
    </form>
  );
}
