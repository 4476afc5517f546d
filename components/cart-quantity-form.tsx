'use client';

import { useActionState, useEffect } from 'react';
import { announceCartChange } from '@/components/cart-count';
import { updateQuantityAction, type CartActionState } from '@/lib/cart/actions';
import { MAX_QUANTITY, MIN_QUANTITY } from '@/lib/cart/limits';
import { format } from '@/lib/i18n/format';

interface Props {
  productId: string;
  quantity: number;
  t: { quantityOf: string; update: string; invalidQuantity: string; updated: string };
  productName: string;
}

export function CartQuantityForm({ productId, quantity, t, productName }: Props) {
  const [state, formAction, pending] = useActionState<CartActionState, FormData>(updateQuantityAction, { status: 'idle' });
  useEffect(() => {
    if (state.status === 'ok') announceCartChange();
  }, [state]);
  const errorId = `qty-error-${productId}`;
  const invalid = state.status === 'error';
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="productId" value={productId} />
      <label className="sr-only" htmlFor={`qty-${productId}`}>
        {format(t.quantityOf, { name: productName })}
      </label>
      <input
        id={`qty-${productId}`}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={MIN_QUANTITY}
        max={MAX_QUANTITY}
        step={1}
        required
        defaultValue={quantity}
        key={quantity}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        className="field-input mt-0 w-20"
        data-testid={`quantity-${productId}`}
      />
      <button type="submit" className="btn-secondary" disabled={pending} data-testid={`update-${productId}`}>
        {t.update}
      </button>
      <span role="status" aria-live="polite" id={errorId} className="w-full text-sm">
        {invalid && <span className="text-red-700">{format(t.invalidQuantity, { min: MIN_QUANTITY, max: MAX_QUANTITY })}</span>}
        {state.status === 'ok' && <span className="sr-only">{t.updated}</span>}
      </span>
    </form>
  );
}
