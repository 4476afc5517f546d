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

  toBody() {
    return { statusCode: this.statusCode, errorCode: this.errorCode, message: this.message, details: this.details };
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
