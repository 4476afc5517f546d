import { ApiError } from './errors';
import type { Mode } from './types';

const SECRET_KEY = /^sk_(test|live)_[0-9A-Za-z]+$/;

export interface Caller {
  apiKey: string;
  mode: Mode;
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'request.unauthorized', message, [], {
    'WWW-Authenticate': 'Basic realm="Smartpay sandbox"',
  });
}

function fromBase64Credentials(token: string): string | undefined {
  try {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    return user && SECRET_KEY.test(user) ? user : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Smartpay's form is `Authorization: Basic sk_test_…` (the raw key). Also accepted:
 * RFC 7617 `Basic base64(sk_…:)` and `Bearer sk_…`.
 */
export function authenticate(header: string | null): Caller {
  if (!header) throw unauthorized('Missing Authorization header; send "Authorization: Basic sk_test_…"');
  const match = /^(Basic|Bearer)\s+(\S+)\s*$/i.exec(header.trim());
  if (!match) throw unauthorized('Unsupported Authorization header; send "Authorization: Basic sk_test_…"');
  const scheme = match[1]!.toLowerCase();
  let key: string | undefined = match[2]!;
  if (!SECRET_KEY.test(key)) key = scheme === 'basic' ? fromBase64Credentials(key) : undefined;
  if (!key) throw unauthorized('Invalid API key; expected a secret key like sk_test_…');
  return { apiKey: key, mode: key.startsWith('sk_live_') ? 'live' : 'test' };
}
