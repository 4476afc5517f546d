import type { SandboxCore } from '../api/handler';
import type { RecordMap } from '../store/records';

/**
 * Soft declines of one order (or one token-mode session) that are recorded and sent as events
 * (`order.rejected`, `token.rejected`). A soft decline leaves the order waiting, so it can be repeated again
 * and again, on the hosted page or with the consumer API's `pm_test_visaSoftDeclined`; each one stores an
 * event, queues its webhook deliveries, and the shop's webhook handler asks the API about the order with the
 * shop's key. Past this many, the answer is the same and nothing is stored or sent, so that nobody can
 * spend the shop's share of the API's rate limit by repeating it.
 */
export const MAX_SOFT_DECLINES = 3;

/**
 * Counts one soft decline on `record` (an order, or a token-mode session): the record with its count, or
 * undefined once past MAX_SOFT_DECLINES.
 */
export async function countSoftDecline<K extends 'order' | 'checkoutSession'>(
  core: SandboxCore,
  kind: K,
  record: RecordMap[K],
): Promise<RecordMap[K] | undefined> {
  const count = (record.sandboxSoftDeclines ?? 0) + 1;
  if (count > MAX_SOFT_DECLINES) return undefined;
  const counted = { ...record, sandboxSoftDeclines: count };
  await core.store.put(kind, counted);
  return counted;
}
