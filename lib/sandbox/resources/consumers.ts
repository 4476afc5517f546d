import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { ok, type Handler } from '../api/handler';
import { ApiError } from '../api/errors';
import { randomBase62 } from '../store/ids';
import type { SandboxStore } from '../store/store';
import type { ConsumerAccessTokenRecord, ConsumerRecord } from '../store/records';
import { parseBody } from '../api/validation';

/**
 * Test consumers: the shopper side that Smartpay's SDK suites sign in to (`POST /consumers/auth/login`) so
 * they can authorize orders and approve tokens without a browser. A test consumer is any e-mail address whose
 * local part ends in `+test` (how test shoppers sign up in Smartpay's test mode); the first login registers it
 * with its password, later logins must repeat that password. A login answers `{accessToken}`: an opaque bearer
 * token bound to that consumer, valid for `ACCESS_TOKEN_TTL_MS`. Consumers and access tokens belong to no API
 * key; they are kept under `CONSUMER_OWNER`, and the token itself is never stored (only its digest).
 */

/** The store owner of consumer records and access tokens (never the digest of an API key, which is 32 hex digits). */
export const CONSUMER_OWNER = 'consumers';
/** How long an access token works. */
export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;
/** The realm of the consumer routes' `WWW-Authenticate: Bearer` challenge. */
const REALM = 'Smartpay sandbox consumers';

const TEST_CONSUMER = /^[^@\s]+\+test@[^@\s]+\.[^@\s]+$/i;

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

const loginSchema = z.object({
  emailAddress: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
  password: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
});

export function unauthorizedConsumer(message: string): ApiError {
  return new ApiError(401, 'request.unauthorized', message, [], { 'WWW-Authenticate': `Bearer realm="${REALM}"` });
}

/** A consumer's id follows from the address (compared ignoring case), so a login finds it without a scan. */
export const consumerIdOf = (emailAddress: string) => `consumer_test_${digest(emailAddress.toLowerCase())}`;
const accessTokenIdOf = (accessToken: string) => `consumertoken_test_${digest(accessToken)}`;

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${(await scryptAsync(password, salt, 32)).toString('hex')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = await scryptAsync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * `POST /consumers/auth/login` with `{emailAddress, password}` (runs as `CONSUMER_OWNER`). Anything but a
 * `+test` address, or another password than the address's first login used, is 401 `request.unauthorized`.
 */
export const loginConsumer: Handler = async ({ core, body }) => {
  const { emailAddress, password } = parseBody(loginSchema, body);
  if (!TEST_CONSUMER.test(emailAddress)) {
    throw unauthorizedConsumer('Only test consumers can sign in to the sandbox: use an e-mail address ending in +test, e.g. taro+test@example.com');
  }
  const now = core.now();
  const id = consumerIdOf(emailAddress);
  const existing = await core.store.get('consumer', id);
  if (existing && !(await passwordMatches(password, existing.passwordHash))) {
    throw unauthorizedConsumer('The e-mail address or the password is wrong');
  }
  if (!existing) {
    const consumer: ConsumerRecord = {
      id,
      object: 'consumer',
      test: true,
      createdAt: now,
      updatedAt: now,
      emailAddress,
      passwordHash: await hashPassword(password),
    };
    await core.store.put('consumer', consumer);
  }
  const accessToken = randomBase62(48);
  const record: ConsumerAccessTokenRecord = {
    id: accessTokenIdOf(accessToken),
    object: 'consumerAccessToken',
    test: true,
    createdAt: now,
    updatedAt: now,
    consumer: id,
    expiresAt: now + ACCESS_TOKEN_TTL_MS,
  };
  await core.store.put('consumerAccessToken', record);
  return ok({ accessToken });
};

/** The consumer an `Authorization: Bearer <accessToken>` header names, else 401. `store` is the consumers' view. */
export async function authenticateConsumer(
  deps: { store: SandboxStore; now(): number },
  header: string | null,
): Promise<ConsumerRecord> {
  if (!header) throw unauthorizedConsumer('Missing Authorization header; send "Authorization: Bearer <accessToken>" from POST /consumers/auth/login');
  const match = /^Bearer\s+([0-9A-Za-z]+)\s*$/i.exec(header.trim());
  if (!match) throw unauthorizedConsumer('Unsupported Authorization header; send "Authorization: Bearer <accessToken>" from POST /consumers/auth/login');
  const token = await deps.store.get('consumerAccessToken', accessTokenIdOf(match[1]!));
  if (!token) throw unauthorizedConsumer('Unknown access token; sign in again with POST /consumers/auth/login');
  if (deps.now() >= token.expiresAt) throw unauthorizedConsumer('The access token has expired; sign in again with POST /consumers/auth/login');
  const consumer = await deps.store.get('consumer', token.consumer);
  if (!consumer) throw unauthorizedConsumer('Unknown access token; sign in again with POST /consumers/auth/login');
  return consumer;
}
