import { invalid } from './errors';

/** Smartpay's list envelope, with opaque cursor page tokens. */

/** "Defaults to 20 if not set" (sdk-go `ListAll…Params.MaxResults`); Smartpay documents no upper bound. */
const DEFAULT_MAX_RESULTS = 20;

interface Cursor {
  after: string;
  offset: number;
}

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(token: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.after === 'string' && typeof value.offset === 'number') return value as Cursor;
  } catch {
    // Falls through to the error below.
  }
  throw invalid([{ path: 'pageToken', message: 'is not a page token this API issued' }]);
}

function maxResultsOf(query: URLSearchParams): number {
  const raw = query.get('maxResults');
  if (raw === null || raw === '') return DEFAULT_MAX_RESULTS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw invalid([{ path: 'maxResults', message: 'must be an integer of 1 or more' }]);
  }
  return value;
}

/** One page of `items` (already newest first), each turned into its API form by `view`. */
export async function collection<T extends { id: string }>(
  items: T[],
  query: URLSearchParams,
  view: (item: T) => Promise<unknown> | unknown,
) {
  const maxResults = maxResultsOf(query);
  const pageToken = query.get('pageToken') || undefined;
  let start = 0;
  if (pageToken) {
    const cursor = decode(pageToken);
    const index = items.findIndex((item) => item.id === cursor.after);
    start = index >= 0 ? index + 1 : Math.min(cursor.offset, items.length);
  }
  const page = items.slice(start, start + maxResults);
  const last = page[page.length - 1];
  const hasMore = start + maxResults < items.length;
  const data = await Promise.all(page.map((item) => view(item)));
  return {
    object: 'collection' as const,
    pageToken: pageToken ?? '',
    ...(hasMore && last ? { nextPageToken: encode({ after: last.id, offset: start + page.length }) } : {}),
    maxResults,
    results: data.length,
    data,
  };
}
