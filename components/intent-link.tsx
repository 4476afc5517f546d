'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link to a catalog page that is prefetched once the shopper shows intent (the pointer over it, a touch,
 * keyboard focus), not as soon as it scrolls into view. The grid shows sixteen products and the filter
 * four categories and "all": on a phone, the home page fetched 9 pages right after loading (18 requests,
 * 57.9 KB, more than five times the page itself), most of them never to be opened. The pattern is
 * Next.js's own (guides/prefetching, "Hover-triggered prefetch"): `prefetch={false}` until then, Next.js's
 * default (`null`) after.
 */
export function IntentLink(props: Omit<ComponentProps<typeof Link>, 'prefetch' | 'onPointerEnter' | 'onTouchStart' | 'onFocus'>) {
  const [intent, setIntent] = useState(false);
  const showIntent = () => setIntent(true);
  return <Link {...props} prefetch={intent ? null : false} onPointerEnter={showIntent} onTouchStart={showIntent} onFocus={showIntent} />;
}
