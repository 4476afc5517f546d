/**
 * Every way a call to Smartpay can fail, as one error type. `kind` says what the shop can do about it:
 * - `invalid-request`: Smartpay refused the request (4xx); retrying the same request will not help.
 * - `unavailable`: Smartpay or the network failed (5xx, 429, connection error); trying later may work.
 * - `timeout`: no answer in time; the request may or may not have been processed.
 * - `bad-response`: Smartpay answered something the shop cannot read.
 */
export type SmartpayErrorKind = 'invalid-request' | 'unavailable' | 'timeout' | 'bad-response';

export class SmartpayError extends Error {
  readonly kind: SmartpayErrorKind;
  /** HTTP status, or undefined when no response arrived. */
  readonly statusCode: number | undefined;
  /** Smartpay's errorCode, e.g. request.invalid or checkout-session.not-found */
  readonly errorCode: string | undefined;
  readonly details: unknown;

  constructor(init: {
    kind: SmartpayErrorKind;
    message: string;
    statusCode?: number;
    errorCode?: string;
    details?: unknown;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'SmartpayError';
    this.kind = init.kind;
    this.statusCode = init.statusCode;
    this.errorCode = init.errorCode;
    this.details = init.details;
  }

  /** A one-line summary for the server log: status, code, message and details. */
  toLogString(): string {
    const details = this.details === undefined ? '' : ` details=${JSON.stringify(this.details)}`;
    return `SmartpayError kind=${this.kind} status=${this.statusCode ?? '-'} code=${this.errorCode ?? '-'} message=${JSON.stringify(this.message)}${details}`;
  }
}
