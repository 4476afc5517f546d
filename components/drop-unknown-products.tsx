'use client';

import { useEffect } from 'react';
import { dropUnknownProductsAction } from '@/lib/cart/actions';

/** Removes cart entries whose product the catalog no longer has (cookies can only change in an action). */
export function DropUnknownProducts() {
  useEffect(() => {
    void dropUnknownProductsAction();
  }, []);
  return null;
}
