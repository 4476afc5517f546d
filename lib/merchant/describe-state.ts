import { format } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { MerchantActionState } from '@/lib/merchant/action-state';
import type { MerchantMessages } from '@/lib/i18n/messages/merchant';
import { formatYen } from '@/lib/money';

/** The sentence a merchant form shows for its last answer; Smartpay's errors keep their code and message. */
export function describeActionState(
  state: MerchantActionState,
  t: Pick<MerchantMessages, 'actions' | 'statuses'>,
  locale: Locale,
): { tone: 'ok' | 'error'; text: string } | undefined {
  if (state.status === 'idle') return undefined;
  if (state.status === 'ok') return { tone: 'ok', text: format(t.actions.done[state.action], { amount: formatYen(state.amount, locale) }) };
  const { error } = state;
  const errors = t.actions.errors;
  switch (error.reason) {
    case 'not-found':
      return { tone: 'error', text: errors.notFound };
    case 'not-allowed':
      return { tone: 'error', text: format(errors.notAllowed, { status: t.statuses[error.status] }) };
    case 'invalid-amount':
      return { tone: 'error', text: format(errors.invalidAmount, { max: formatYen(error.max, locale) }) };
    case 'no-smartpay-order':
      return { tone: 'error', text: errors.noSmartpayOrder };
    case 'unauthorized':
      return { tone: 'error', text: errors.unauthorized };
    case 'too-many-requests':
      return { tone: 'error', text: format(errors.tooManyRequests, { seconds: String(error.retryAfterSeconds) }) };
    case 'smartpay': {
      if (error.kind === 'unavailable' || error.kind === 'timeout') {
        return { tone: 'error', text: `${errors.unavailable} (${error.errorCode ?? error.kind}: ${error.message})` };
      }
      const code = [error.statusCode, error.errorCode].filter((part) => part !== undefined).join(' ');
      return { tone: 'error', text: `${errors.smartpay}: ${code || error.kind} — ${error.message}` };
    }
    case 'invalid-form':
    case 'unexpected':
      return { tone: 'error', text: errors.unexpected };
  }
}
