import 'server-only';
import { getConfig } from '@/lib/config';

/** httpOnly, sameSite=lax, and Secure whenever the shop is served over https. */
export function cookieOptions(maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: getConfig().appUrl.startsWith('https://'),
    maxAge: maxAgeSeconds,
  };
}
