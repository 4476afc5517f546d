import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tamper-proof cookie values: base64url(JSON) + "." + HMAC-SHA256. Not encrypted: put nothing secret in them.
 */
export function signValue(value: unknown, secret: string): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The value, or undefined when the text was not signed with `secret` or is not readable. */
export function verifySignedValue(text: string | undefined, secret: string): unknown {
  if (!text) return undefined;
  const dot = text.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const payload = text.slice(0, dot);
  const given = Buffer.from(text.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(payload, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
