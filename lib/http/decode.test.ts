import { describe, expect, it } from 'vitest';
import { percentDecoded } from '@/lib/http/decode';

describe('percentDecoded', () => {
  it('decodes percent-encoding and leaves plain text as it is', () => {
    expect(percentDecoded('/%73andbox')).toBe('/sandbox');
    expect(percentDecoded('/products/%E3%81%82')).toBe('/products/あ');
    expect(percentDecoded('/cart')).toBe('/cart');
  });

  it('answers undefined for what does not decode', () => {
    expect(percentDecoded('%')).toBeUndefined();
    expect(percentDecoded('/%E3%81')).toBeUndefined();
  });
});
