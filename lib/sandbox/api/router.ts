import { setCheckoutOutcome } from './testing-endpoint';
import { createCheckoutSession, getCheckoutSession, listCheckoutSessions } from '../resources/checkout-sessions';
import type { Handler } from './handler';
import { cancelOrder, getOrder, listOrders } from '../resources/orders';
import { createPayment, getPayment, listPayments, updatePayment } from '../resources/payments';
import { createRefund, getRefund, listRefunds, updateRefund } from '../resources/refunds';
import type { RouteInfo } from './simulate';
import { createOrder } from '../resources/token-orders';
import { createCoupon, getCoupon, listCoupons, updateCoupon } from '../resources/coupons';
import { loginConsumer } from '../resources/consumers';
import { createPromotionCode, getPromotionCode, listPromotionCodes, updatePromotionCode } from '../resources/promotion-codes';
import { approveTokenAsShopper, authorizeOrderAsShopper } from '../resources/shopper-actions';
import { deleteToken, disableToken, enableToken, getToken, listTokens } from '../resources/tokens';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from '../resources/webhook-endpoints';

interface Route extends RouteInfo {
  /** Path segments after the API prefix; `:id` matches one segment. */
  path: string[];
  handler: Handler;
  /** Authenticates a test consumer instead of a secret key (consumer-api.ts). */
  consumer?: boolean;
}

const route = (method: string, path: string, resource: string, handler: Handler, action?: string): Route => ({
  method,
  path: path.split('/').filter(Boolean),
  resource,
  handler,
  action,
});

/** A route of the shopper's side, run by consumer-api.ts. */
const consumerRoute = (method: string, path: string, resource: string, handler: Handler, action?: string): Route => ({
  ...route(method, path, resource, handler, action),
  consumer: true,
});

const ROUTES: Route[] = [
  route('POST', 'checkout-sessions', 'checkout-session', createCheckoutSession),
  route('GET', 'checkout-sessions', 'checkout-session', listCheckoutSessions),
  route('GET', 'checkout-sessions/:id', 'checkout-session', getCheckoutSession),
  route('POST', 'orders', 'order', createOrder),
  route('GET', 'orders', 'order', listOrders),
  route('GET', 'orders/:id', 'order', getOrder),
  route('PUT', 'orders/:id/cancellation', 'order', cancelOrder, 'cancellation'),
  route('POST', 'payments', 'payment', createPayment),
  route('GET', 'payments', 'payment', listPayments),
  route('GET', 'payments/:id', 'payment', getPayment),
  route('PATCH', 'payments/:id', 'payment', updatePayment),
  route('POST', 'refunds', 'refund', createRefund),
  route('GET', 'refunds', 'refund', listRefunds),
  route('GET', 'refunds/:id', 'refund', getRefund),
  route('PATCH', 'refunds/:id', 'refund', updateRefund),
  route('GET', 'tokens', 'token', listTokens),
  route('GET', 'tokens/:id', 'token', getToken),
  route('PUT', 'tokens/:id/enable', 'token', enableToken, 'enable'),
  route('PUT', 'tokens/:id/disable', 'token', disableToken, 'disable'),
  route('DELETE', 'tokens/:id', 'token', deleteToken),
  route('POST', 'webhook-endpoints', 'webhook-endpoint', createWebhookEndpoint),
  route('GET', 'webhook-endpoints', 'webhook-endpoint', listWebhookEndpoints),
  route('GET', 'webhook-endpoints/:id', 'webhook-endpoint', getWebhookEndpoint),
  route('PATCH', 'webhook-endpoints/:id', 'webhook-endpoint', updateWebhookEndpoint),
  route('DELETE', 'webhook-endpoints/:id', 'webhook-endpoint', deleteWebhookEndpoint),
  route('POST', 'testing/checkout-sessions/:id/outcome', 'checkout-session', setCheckoutOutcome, 'outcome'),
  route('POST', 'coupons', 'coupon', createCoupon),
  route('GET', 'coupons', 'coupon', listCoupons),
  route('GET', 'coupons/:id', 'coupon', getCoupon),
  route('PATCH', 'coupons/:id', 'coupon', updateCoupon),
  route('POST', 'promotion-codes', 'promotion-code', createPromotionCode),
  route('GET', 'promotion-codes', 'promotion-code', listPromotionCodes),
  route('GET', 'promotion-codes/:id', 'promotion-code', getPromotionCode),
  route('PATCH', 'promotion-codes/:id', 'promotion-code', updatePromotionCode),
  consumerRoute('POST', 'consumers/auth/login', 'consumer', loginConsumer, 'login'),
  consumerRoute('POST', 'orders/:id/authorizations', 'order', authorizeOrderAsShopper, 'authorization'),
  consumerRoute('PUT', 'tokens/:id/approve', 'token', approveTokenAsShopper, 'approve'),
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(method: string, segments: string[]): RouteMatch | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.path.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.path.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}
