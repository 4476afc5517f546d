'use client';

import { useActionState } from 'react';
import { format } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { idleState, type MerchantActionState } from '@/lib/merchant/action-state';
import { cancelAction, captureAction, refundAction } from '@/lib/merchant/actions';
import type { MerchantAction } from '@/lib/merchant/allowed-actions';
import { describeActionState } from '@/lib/merchant/describe-state';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { formatYen } from '@/lib/money';

interface Props {
  orderId: string;
  allowed: MerchantAction[];
  /** A random key per form, made when the page was rendered. */
  formKeys: Record<MerchantAction, string>;
  capturable: number;
  refundable: number;
  locale: Locale;
  t: Pick<MerchantMessages, 'actions' | 'statuses'>;
}

const latest = (...states: MerchantActionState[]) =>
  states.reduce<MerchantActionState>((last, state) => (state.status !== 'idle' && (last.status === 'idle' || state.at > last.at) ? state : last), idleState);

/**
 * The actions Smartpay allows in the order's status. The forms' answers stay on screen in one live
 * region even when the action changed the status and its form is no longer offered.
 */
export function OrderActions({ orderId, allowed, formKeys, capturable, refundable, locale, t }: Props) {
  const [captureState, capture, capturing] = useActionState(captureAction, idleState);
  const [cancelState, cancel, canceling] = useActionState(cancelAction, idleState);
  const [refundState, refund, refunding] = useActionState(refundAction, idleState);
  const pending = capturing || canceling || refunding;
  const message = describeActionState(latest(captureState, cancelState, refundState), t, locale);
  const a = t.actions;

  const hidden = (action: MerchantAction) => (
    <>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="formKey" value={formKeys[action]} />
    </>
  );

  return (
    <section className="card space-y-4 p-4" aria-labelledby="order-actions-title" data-testid="order-actions">
      <h2 id="order-actions-title" className="text-lg font-semibold">
        {a.title}
      </h2>
      <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="action-result">
        {pending ? (
          <span className="text-stone-600">{a.working}</span>
        ) : (
          message && (
            <span className={message.tone === 'ok' ? 'text-emerald-800' : 'text-red-700'} data-testid={`action-${message.tone}`}>
              {message.text}
            </span>
          )
        )}
      </p>
      {allowed.length === 0 && <p className="text-sm text-stone-600" data-testid="no-actions">{a.none}</p>}

      {allowed.includes('capture') && (
        <form action={capture} className="space-y-2 border-t border-stone-100 pt-4" data-testid="capture-form">
          {hidden('capture')}
          <label className="block text-sm font-medium" htmlFor="capture-amount">
            {a.amount}
          </label>
          <input
            id="capture-amount"
            name="amount"
            type="number"
            inputMode="numeric"
            min={1}
            max={capturable}
            step={1}
            required
            defaultValue={capturable}
            key={`capture-${formKeys.capture}`}
            aria-describedby="capture-help"
            className="field-input max-w-48"
            data-testid="capture-amount"
          />
          <p id="capture-help" className="text-sm text-stone-600">
            {format(a.captureHelp, { amount: formatYen(capturable, locale) })}
          </p>
          <button type="submit" className="btn-primary" disabled={pending} data-testid="capture-submit">
            {a.capture}
          </button>
        </form>
      )}

      {allowed.includes('refund') && (
        <form action={refund} className="space-y-2 border-t border-stone-100 pt-4" data-testid="refund-form">
          {hidden('refund')}
          <div className="flex flex-wrap gap-4">
            <div>
              <label className="block text-sm font-medium" htmlFor="refund-amount">
                {a.amount}
              </label>
              <input
                id="refund-amount"
                name="amount"
                type="number"
                inputMode="numeric"
                min={1}
                max={refundable}
                step={1}
                required
                defaultValue={refundable}
                key={`refund-${formKeys.refund}`}
                aria-describedby="refund-help"
                className="field-input max-w-48"
                data-testid="refund-amount"
              />
            </div>
            <div>
              <label className="block text-sm font-medium" htmlFor="refund-reason">
                {a.reason}
              </label>
              <select id="refund-reason" name="reason" defaultValue="requested_by_customer" className="field-input" data-testid="refund-reason">
                <option value="requested_by_customer">{a.reasons.requested_by_customer}</option>
                <option value="fraudulent">{a.reasons.fraudulent}</option>
              </select>
            </div>
          </div>
          <p id="refund-help" className="text-sm text-stone-600">
            {format(a.refundHelp, { amount: formatYen(refundable, locale) })}
          </p>
          <button type="submit" className="btn-primary" disabled={pending} data-testid="refund-submit">
            {a.refund}
          </button>
        </form>
      )}

      {allowed.includes('cancel') && (
        <form action={cancel} className="space-y-2 border-t border-stone-100 pt-4" data-testid="cancel-form">
          {hidden('cancel')}
          <p id="cancel-help" className="text-sm text-stone-600">
            {a.cancelHelp}
          </p>
          <button type="submit" className="btn-secondary" disabled={pending} aria-describedby="cancel-help" data-testid="cancel-submit">
            {a.cancel}
          </button>
        </form>
      )}
    </section>
  );
}
