import { MIB, readBodyCapped } from '@/lib/http/read-body';
import { ApiError, invalid } from './errors';

/**
 * Largest request body the API reads; a larger one is refused before (or while) it is read. A session
 * with 50 items and long texts in every field stays well under it; Smartpay's own limit is not published.
 */
export const API_BODY_LIMIT = MIB / 4;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const hasBody = (method: string) => BODY_METHODS.has(method);

export interface JsonBody {
  /** The parsed body; `undefined` when there was none. */
  body: unknown;
  /** Why the body is not JSON, if it is not (reported after a simulated failure had its chance). */
  parseError?: string;
}

/**
 * Reads a POST/PUT/PATCH body, at most `API_BODY_LIMIT` bytes: a declared Content-Length above it is
 * refused unread, a chunked body as soon as it passes it (413 `request.too-large`).
 */
export async function readJsonBody(request: Request, method: string): Promise<JsonBody> {
  if (!hasBody(method)) return { body: undefined };
  const read = await readBodyCapped(request, API_BODY_LIMIT);
  if (read.tooLarge) {
    throw new ApiError(413, 'request.too-large', `The request body is larger than ${API_BODY_LIMIT} bytes`, [
      { path: '', message: `must be at most ${API_BODY_LIMIT} bytes` },
    ]);
  }
  if (read.text.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(read.text) };
  } catch (error) {
    return { body: undefined, parseError: error instanceof Error ? error.message : String(error) };
  }
}

/** The body must be JSON, and a JSON object. */
export function requireObjectBody({ body, parseError }: JsonBody): void {
  if (parseError !== undefined) {
    throw new ApiError(400, 'request.malformed', 'Input payload is malformed, could not be decoded', [{ path: '', message: parseError }]);
  }
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw invalid([{ path: '', message: 'must be a JSON object' }]);
  }
}
