import { describe, expect, it } from 'vitest';
import { sameOriginPath } from '@/lib/http/same-origin-path';

describe('sameOriginPath', () => {
  const host = 'shop.example.com';
  it('returns the path and query of a page of this host', () => {
    expect(sameOriginPath('https://shop.example.com/products/roasted-hojicha?x=1', host)).toBe('/products/roasted-hojicha?x=1');
    expect(sameOriginPath('https://shop.example.com/', host)).toBe('/');
  });

  it('never leads to another site', () => {
    expect(sameOriginPath('https://evil.example/phish', host)).toBe('/');
    expect(sameOriginPath('https://shop.example.com//evil.example/phish', host)).toBe('/evil.example/phish');
    expect(sameOriginPath('https://shop.example.com.evil.example/', host)).toBe('/');
    expect(sameOriginPath(null, host)).toBe('/');
    expect(sameOriginPath('not a url', host)).toBe('/');
    expect(sameOriginPath('https://shop.example.com/x', null)).toBe('/');
  });
});
