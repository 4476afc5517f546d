/** The cart's limits, shared by the server and the forms in the browser (no dependencies, so the browser loads nothing else). */

/** Smartpay accepts at most 50 items in a checkout session. */
export const MAX_CART_LINES = 50;
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 99;
