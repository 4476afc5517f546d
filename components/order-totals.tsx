import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { formatYen } from '@/lib/money';
import type { CartTotals } from '@/lib/cart-totals';

export function OrderTotals({ cart, locale, t }: { cart: Pick<CartTotals, 'subtotal' | 'shippingFee' | 'total'>; locale: Locale; t: Messages['cart'] }) {
  return (
    <dl className="space-y-2" data-testid="order-totals">
      <div className="flex justify-between">
        <dt>{t.subtotal}</dt>
        <dd data-testid="subtotal">{formatYen(cart.subtotal, locale)}</dd>
      </div>
      <div className="flex justify-between">
        <dt>{t.shipping}</dt>
        <dd data-testid="shipping-fee">{cart.shippingFee === 0 ? t.free : formatYen(cart.shippingFee, locale)}</dd>
      </div>
      <div className="flex justify-between border-t border-stone-200 pt-2 text-lg font-bold">
        <dt>{t.total}</dt>
        <dd data-testid="total">{formatYen(cart.total, locale)}</dd>
      </div>
    </dl>
  );
}
