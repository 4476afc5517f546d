'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import useSWR from 'swr';

interface StatusAnswer {
  status: string;
  paid: boolean;
  final: boolean;
}

const fetcher = async (url: string): Promise<StatusAnswer> => {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json() as Promise<StatusAnswer>;
};

/** Polls the order's status while Smartpay has not settled it, and re-renders the page once it has. */
export function OrderStatusPoller({ reference, initialStatus, message }: { reference: string; initialStatus: string; message: string }) {
  const router = useRouter();
  const { data } = useSWR(`/api/checkouts/${encodeURIComponent(reference)}/status`, fetcher, {
    refreshInterval: (latest) => (latest?.final ? 0 : 3000),
    revalidateOnFocus: true,
  });
  useEffect(() => {
    if (data && data.status !== initialStatus) router.refresh();
  }, [data, initialStatus, router]);
  return (
    <p role="status" className="text-sm text-stone-600">
      {message}
    </p>
  );
}
