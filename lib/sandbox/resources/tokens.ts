import { collection } from '../api/collection';
import { ok, type Handler, type SandboxCore } from '../api/handler';
import { notFound } from '../api/errors';
import { listForMode, loadForMode } from '../api/load';
import type { Mode, TokenRecord, TokenStatus } from '../store/records';

/** The token endpoints (`/tokens`): read, enable, disable and delete tokens made by token-mode sessions. */

/** A deleted token is 404 `token.not-found` (what Smartpay's SDK suites expect after `deleteToken`). */
export const getToken: Handler = async ({ core, mode, params }) =>
  ok(await loadTokenIn(core, params.id ?? '', mode, ['requires_authorization', 'active', 'rejected', 'disabled']));

/**
 * "We will only return the list of all active and disabled tokens. We do not return the tokens that have been
 * deleted." (https://en.docs.smartpay.co/docs/token-management): `requires_authorization`, `rejected` and
 * `deleted` tokens are left out of the list (the guide's "only"; `GET /tokens/{id}` still answers the first two).
 */
const LISTED_STATUSES: readonly TokenStatus[] = ['active', 'disabled'];

export const listTokens: Handler = async ({ core, mode, query }) => {
  const tokens = (await listForMode(core.store, 'token', mode)).filter((token) => LISTED_STATUSES.includes(token.status));
  return ok(await collection(tokens, query, (token) => token));
};

/** A token in one of `allowed` statuses, else 404 `token.not-found` (as Smartpay answers for `requires_authorization`). */
async function loadTokenIn(core: SandboxCore, id: string, mode: Mode, allowed: TokenStatus[]): Promise<TokenRecord> {
  const token = await loadForMode(core.store, 'token', id, mode);
  if (!allowed.includes(token.status)) throw notFound('token', token.id);
  return token;
}

async function setStatus(core: SandboxCore, token: TokenRecord, status: TokenStatus, event: string): Promise<void> {
  if (token.status === status) return;
  const updated: TokenRecord = { ...token, status, updatedAt: core.now() };
  await core.store.put('token', updated);
  await core.emit(event, updated.test, updated);
}

/** `active` or `disabled` → `active` (`token.enabled` when it changed); 200 with an empty body. */
export const enableToken: Handler = async ({ core, mode, params }) => {
  const token = await loadTokenIn(core, params.id ?? '', mode, ['active', 'disabled']);
  await setStatus(core, token, 'active', 'token.enabled');
  return { status: 200 };
};

/** `active` or `disabled` → `disabled` (`token.disabled` when it changed); 200 with an empty body. */
export const disableToken: Handler = async ({ core, mode, params }) => {
  const token = await loadTokenIn(core, params.id ?? '', mode, ['active', 'disabled']);
  await setStatus(core, token, 'disabled', 'token.disabled');
  return { status: 200 };
};

/** Any token not yet deleted → `deleted` + `token.deleted`; 204. */
export const deleteToken: Handler = async ({ core, mode, params }) => {
  const token = await loadTokenIn(core, params.id ?? '', mode, ['requires_authorization', 'active', 'rejected', 'disabled']);
  await setStatus(core, token, 'deleted', 'token.deleted');
  return { status: 204 };
};
