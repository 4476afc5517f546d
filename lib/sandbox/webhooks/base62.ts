import { randomInt } from 'node:crypto';

/** The alphabet Smartpay's signing secrets are encoded with: upper case first. */
export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Decodes base62 with base-x semantics: the rest of the string is one big-endian number,
 * and each leading first-alphabet character ('A') stands for one leading zero byte.
 */
export function base62Decode(text: string, alphabet = SECRET_ALPHABET): Buffer {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === alphabet[0]) zeros += 1;
  let value = 0n;
  for (const char of text) {
    const digit = alphabet.indexOf(char);
    if (digit < 0) throw new Error(`Invalid base62 character: ${char}`);
    value = value * 62n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return Buffer.from([...new Array<number>(zeros).fill(0), ...bytes]);
}

/** A 40-character base62 signing secret like the ones Smartpay issues (never starts with a zero digit). */
export function newSigningSecret(): string {
  let out = SECRET_ALPHABET[1 + randomInt(61)]!;
  for (let i = 1; i < 40; i += 1) out += SECRET_ALPHABET[randomInt(62)];
  return out;
}
