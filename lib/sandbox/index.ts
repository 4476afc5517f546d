/**
 * What the sandbox's pages and routes (`app/sandbox`) use. Nothing else in the shop imports the sandbox
 * (an ESLint rule holds the line, and `npm test` builds the shop with the sandbox's folders removed).
 */
export { getSandbox, sandboxEnabled } from './instance';
export type { SandboxSnapshot } from './sandbox';
export { SCENARIOS } from './api/simulate';
export { API_BODY_LIMIT } from './api/body';
export { answerOutcomePost } from './hosted-page/outcome-post';
export { SESSIONS_COOKIE, sessionIdsOf } from './hosted-page/browser-sessions';
export type { CheckoutLine } from './hosted-page/order-session';
export { checkoutText, formatYen, type CheckoutLocale, type CheckoutText } from './hosted-page/text';
export { dashboardScope, warningsOf, type DashboardScope } from './dashboard/view';
export type { CheckoutSessionRecord, OrderRecord, TokenRecord } from './store/records';
