import { formatYen, type CheckoutText, type CheckoutLine, type CheckoutSessionRecord, type OrderRecord } from '@/lib/sandbox';
import { FinalState, OutcomeButtons } from './outcome-buttons';

/** The body of a normal session's page: the order's lines, total and address, then the buttons or the final state. */
export function OrderSummary(props: { session: CheckoutSessionRecord; order: OrderRecord; lines: CheckoutLine[]; t: CheckoutText; softDeclined: boolean }) {
  const { session, order, lines, t } = props;
  const address = order.shippingInfo.address;
  const fee = order.shippingInfo.feeAmount ?? 0;
  const pending = order.status === 'requires_authorization';
  const kindLabel = (kind: string) => (kind === 'tax' ? t.tax : kind === 'discount' ? t.discount : undefined);
  const returnUrl = order.status === 'succeeded' || order.status === 'requires_capture' ? session.successUrl : session.cancelUrl;

  return (
    <>
      <table className="mt-6 w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{t.itemsCaption}</caption>
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-2">{t.item}</th>
            <th scope="col" className="py-2 text-right">{t.quantity}</th>
            <th scope="col" className="py-2 text-right">{t.unitAmount}</th>
            <th scope="col" className="py-2 text-right">{t.lineTotal}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const sign = line.kind === 'discount' ? -1 : 1;
            const label = kindLabel(line.kind);
            return (
              <tr key={line.id} className="border-b border-gray-200">
                <th scope="row" className="py-2 font-normal">
                  {label ? `${label}: ${line.name}` : line.name}
                </th>
                <td className="py-2 text-right">{line.quantity}</td>
                <td className="py-2 text-right">{formatYen(sign * line.unitAmount)}</td>
                <td className="py-2 text-right">{formatYen(sign * line.unitAmount * line.quantity)}</td>
              </tr>
            );
          })}
          <tr className="border-b border-gray-200">
            <th scope="row" colSpan={3} className="py-2 font-normal">{t.shippingFee}</th>
            <td className="py-2 text-right">{formatYen(fee)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="py-3 text-base font-bold">{t.total}</th>
            <td className="py-3 text-right text-base font-bold" data-testid="sandbox-total">{formatYen(order.amount)}</td>
          </tr>
        </tfoot>
      </table>

      <section className="mt-6" aria-labelledby="sandbox-ship-to">
        <h2 id="sandbox-ship-to" className="text-base font-semibold">{t.shipTo}</h2>
        <address className="mt-1 not-italic text-sm">
          〒{address.postalCode} {address.administrativeArea} {address.locality} {address.subLocality}
          <br />
          {[address.line1, address.line2, address.line3, address.line4, address.line5].filter(Boolean).join(' ')}
        </address>
      </section>

      {pending ? (
        <OutcomeButtons sessionId={session.id} t={t} softDeclined={props.softDeclined} alert={t.softDeclined} />
      ) : (
        <FinalState title={t.finalTitle} status={t.status[order.status]} statusTestId="sandbox-order-status" returnUrl={returnUrl} backToShop={t.backToShop} />
      )}
    </>
  );
}
