import { describe, expect, it } from 'vitest';
import { readBodyCapped } from '@/lib/http/read-body';
import { clientIp } from '@/lib/http/client-ip';

/** A request whose body is `chunks` chunks of `size` bytes, streamed (no Content-Length), counting what was pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
  const request = new Request('http://shop.test/', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readBodyCapped', () => {
  it('reads a body within the cap', async () => {
    const result = await readBodyCapped(new Request('http://shop.test/', { method: 'POST', body: '{"a":"é"}' }), 100);
    expect(result).toEqual({ tooLarge: false, text: '{"a":"é"}' });
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const { request, pulled } = streamed(1000, 1024);
    const declared = new Request(request, { headers: { 'content-length': String(1000 * 1024) } });
    expect(await readBodyCapped(declared, 256 * 1024)).toEqual({ tooLarge: true });
    expect(pulled()).toBeLessThan(5);
  });

  it('stops reading a streamed body as soon as it passes the cap', async () => {
    const { request, pulled } = streamed(500_000, 1024); // 500 MB if read whole
    expect(await readBodyCapped(request, 256 * 1024)).toEqual({ tooLarge: true });
    expect(pulled()).toBeLessThan(300);
  });
});

describe('clientIp', () => {
  const headers = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });
  it('takes the address the nearest trusted proxy appended', () => {
    expect(clientIp(headers('203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(headers('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(headers('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
    expect(clientIp(headers('203.0.113.7'), 3)).toBe('203.0.113.7');
    expect(clientIp(headers(), 1)).toBe('unknown');
  });
});
