'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link to a catalog page that is prefetched once the shopper shows intent (the pointer over it, a touch,
 * keyboard focus), not as soon as it scrolls into view: a grid shows sixteen products and five categories,
 * and fetching and reading each one's page kept the phone's main thread busy long after the page had
 * loaded. The pattern is Next.js's own (guides/prefetching, "Hover-triggered prefetch"): `prefetch={false}`
 * until then, and Next.js's default (`null`) after.
 */
export function IntentLink(props: Omit<ComponentProps<typeof Link>, 'prefetch' | 'onPointerEnter' | 'onTouchStart' | 'onFocus'>) {
  const [intent, setIntent] = useState(false);
  const showIntent = () => setIntent(true);
  return <Link {...props} prefetch={intent ? null : false} onPointerEnter={showIntent} onTouchStart={showIntent} onFocus={showIntent} />;
}
