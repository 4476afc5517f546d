'use client';

import { useActionState, useEffect, useState, useTransition, type FormEvent } from 'react';
import { announceCartChange } from '@/components/cart-count';
import { useOptimisticCart } from '@/components/optimistic-cart';
import { updateQuantityAction, type CartActionState } from '@/lib/cart/actions';
import { MAX_QUANTITY, MIN_QUANTITY } from '@/lib/cart/limits';
import { format } from '@/lib/i18n/format';

interface Props {
  productId: string;
  quantity: number;
  t: { quantityOf: string; update: string; invalidQuantity: string; updated: string; updateFailed: string };
  productName: string;
}

/** What the form shows: the action's answer, or that it never came (the network or the server failed). */
type FormState = CartActionState | { status: 'failed'; at: number };

/**
 * Without JavaScript the form posts to the server action and the page comes back rendered again. With
 * it, the new quantity shows at once (line total and totals included, see OptimisticCartProvider) while
 * the action runs; its answer settles it, and an error or a failed request puts the server's quantity back.
 */
export function CartQuantityForm({ productId, quantity, t, productName }: Props) {
  const [actionState, formAction] = useActionState<CartActionState, FormData>(updateQuantityAction, { status: 'idle' });
  const [answer, setAnswer] = useState<FormState | undefined>();
  const [pending, startTransition] = useTransition();
  // Changed to put the field back to the server's quantity after a request that failed.
  const [revision, setRevision] = useState(0);
  const { showQuantity } = useOptimisticCart();
  const state = answer ?? actionState;

  useEffect(() => {
    if (state.status === 'ok') announceCartChange();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      showQuantity({ productId, quantity: Number(formData.get('quantity')) });
      let result: FormState;
      try {
        result = await updateQuantityAction(state.status === 'failed' ? { status: 'idle' } : state, formData);
      } catch {
        result = { status: 'failed', at: Date.now() };
      }
      startTransition(() => {
        setAnswer(result);
        if (result.status === 'failed') setRevision((r) => r + 1);
      });
    });
  }

  const errorId = `qty-error-${productId}`;
  const invalid = state.status === 'error' || state.status === 'failed';
  return (
    <form action={formAction} onSubmit={submit} noValidate className="flex flex-wrap items-center gap-2">
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
        key={`${quantity}-${revision}`}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        className="field-input mt-0 w-20"
        data-testid={`quantity-${productId}`}
      />
      <button type="submit" className="btn-secondary" disabled={pending} data-testid={`update-${productId}`}>
        {t.update}
      </button>
      <span role="status" aria-live="polite" id={errorId} className="w-full text-sm" data-testid={`quantity-status-${productId}`}>
        {state.status === 'error' && (
          <span className="text-red-700">{format(t.invalidQuantity, { min: MIN_QUANTITY, max: MAX_QUANTITY })}</span>
        )}
        {state.status === 'failed' && <span className="text-red-700">{t.updateFailed}</span>}
        {state.status === 'ok' && <span className="sr-only">{t.updated}</span>}
      </span>
    </form>
  );
}
