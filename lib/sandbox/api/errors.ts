/** Smartpay's error body and the helpers that build JSON responses. */

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    return { statusCode: this.statusCode, errorCode: this.errorCode, message: this.message, details: this.details };
  }

  /** A request that failed validation (Smartpay's `request.invalid`, `request.malformed`): nothing ran. */
  get isValidationFailure(): boolean {
    return this.errorCode === 'request.invalid' || this.errorCode === 'request.malformed';
  }
}

/** The realm of the sandbox's `WWW-Authenticate` challenge and of its 401 body. */
export const AUTH_REALM = 'Smartpay sandbox';

/**
 * 401: the body is Smartpay's OpenAPI 401 model `{statusCode, scheme, realm}` (sdk-go types.go `N401`, the
 * `JSON401` of every response in api.go), with a `WWW-Authenticate: Basic realm="…"` challenge.
 */
export class UnauthorizedError extends ApiError {
  constructor(message: string) {
    super(401, 'request.unauthorized', message, [], { 'WWW-Authenticate': `Basic realm="${AUTH_REALM}"` });
  }

  override toBody(): Record<string, unknown> {
    return { statusCode: 401, scheme: 'Basic', realm: AUTH_REALM };
  }
}

export const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function errorResponse(error: ApiError): Response {
  return jsonResponse(error.statusCode, error.toBody(), error.headers);
}

export function invalid(details: ErrorDetail[], message = 'Input parameter or payload is invalid'): ApiError {
  return new ApiError(400, 'request.invalid', message, details);
}

/** `<resource>.not-found`, e.g. `order.not-found`. */
export function notFound(resource: string, id: string): ApiError {
  return new ApiError(404, `${resource}.not-found`, `No ${resource.replace(/-/g, ' ')} with id ${id}`);
}
