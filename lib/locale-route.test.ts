import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { POST } from '@/app/locale/route';
import { getConfig } from '@/lib/config';

const post = (headers: Record<string, string>) =>
  POST(
    new NextRequest('http://shop.example/locale', {
      method: 'POST',
      headers: { host: 'shop.example', 'content-type': 'application/x-www-form-urlencoded', referer: 'http://shop.example/cart', ...headers },
      body: 'locale=en',
    }),
  );

describe('the language switcher (POST /locale)', () => {
  it('keeps the language chosen on this shop and sends the shopper back', async () => {
    const response = await post({ origin: 'http://shop.example' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/cart');
    expect(response.cookies.get('locale')?.value).toBe('en');
  });

  it('keeps it also behind a proxy that rewrites Host, when the form is on the shop\'s own address (APP_URL)', async () => {
    const response = await post({ origin: new URL(getConfig().appUrl).origin, host: 'upstream.internal:3000' });
    expect(response.cookies.get('locale')?.value).toBe('en');
  });

  it('changes nothing for a form of another site, or of an opaque origin', async () => {
    for (const origin of ['https://elsewhere.example', 'null']) {
      const response = await post({ origin });
      expect(response.status).toBe(303);
      expect(response.cookies.get('locale')).toBeUndefined();
    }
  });
});
