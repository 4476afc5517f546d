import { NextResponse, type NextRequest } from 'next/server';
import { giveBrowserId } from '@/lib/checkout/browser-cookie';
import { clearCartOnReturn } from '@/lib/checkout/clear-cart-on-return';
import { getConfig } from '@/lib/config';
import { MERCHANT_REALM, merchantAccess } from '@/lib/merchant/basic-auth';

/**
 * On /checkout, gives a browser without one its id (lib/checkout/browser-cookie.ts), which the checkout
 * attempt is bound to.
 *
 * On /success, empties the cart of a shopper whose order is paid (see lib/checkout/clear-cart-on-return.ts).
 *
 * Guards the merchant pages (/orders and everything under it, including the server actions, which post
 * to those paths). Proxy runs on the Node.js runtime in Next 16, so it reads the environment at request
 * time through the same getConfig() as the rest of the shop.
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === '/success') return (await clearCartOnReturn(request)) ?? NextResponse.next();
  if (request.nextUrl.pathname === '/checkout') return giveBrowserId(request) ?? NextResponse.next();
  const config = getConfig();
  const access = merchantAccess({
    mode: config.mode,
    password: config.merchantPassword,
    authorization: request.headers.get('authorization'),
  });
  if (access === 'open' || access === 'granted') return NextResponse.next();
  const message =
    access === 'unconfigured'
      ? 'The merchant pages are closed: set MERCHANT_PASSWORD (at least 12 characters) to open them outside sandbox mode.\n' +
        '注文管理ページは閉じています。サンドボックス以外では MERCHANT_PASSWORD（12 文字以上）を設定してください。\n'
      : 'Sign in as user "merchant" with MERCHANT_PASSWORD.\nユーザー名 merchant と MERCHANT_PASSWORD でログインしてください。\n';
  return new NextResponse(message, {
    status: 401,
    headers: {
      'WWW-Authenticate': `Basic realm="${MERCHANT_REALM}", charset="UTF-8"`,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}

export const config = {
  matcher: ['/checkout', '/success', '/orders', '/orders/:path*'],
};
