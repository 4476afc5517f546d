import { UnauthorizedError } from './errors';
import type { Mode } from '../store/records';

const SECRET_KEY = /^sk_(test|live)_[0-9A-Za-z]+$/;

export interface Caller {
  apiKey: string;
  mode: Mode;
}

/** Smartpay's 401 body carries no message (errors.ts `UnauthorizedError`); the reason stays on the error object. */
function unauthorized(message: string): UnauthorizedError {
  return new UnauthorizedError(message);
}

/** Smartpay's only form: `Authorization: Basic sk_test_…`, the raw secret key after the scheme. */
export function authenticate(header: string | null): Caller {
  if (!header) throw unauthorized('Missing Authorization header; send "Authorization: Basic sk_test_…"');
  const match = /^Basic\s+(\S+)\s*$/i.exec(header.trim());
  if (!match) throw unauthorized('Unsupported Authorization header; send "Authorization: Basic sk_test_…"');
  const key = match[1]!;
  if (!SECRET_KEY.test(key)) throw unauthorized('Invalid API key; expected a secret key like sk_test_…');
  return { apiKey: key, mode: key.startsWith('sk_live_') ? 'live' : 'test' };
}
