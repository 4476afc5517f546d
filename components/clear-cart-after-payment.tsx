'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { clearCartAfterPayment } from '@/lib/checkout/actions';

/** Asks the server to empty the cart for a paid order (the server checks with Smartpay again first). */
export function ClearCartAfterPayment({ reference }: { reference: string }) {
  const router = useRouter();
  useEffect(() => {
    let active = true;
    clearCartAfterPayment(reference).then(({ cleared }) => {
      if (active && cleared) router.refresh();
    });
    return () => {
      active = false;
    };
  }, [reference, router]);
  return null;
}
