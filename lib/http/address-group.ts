import ipaddr from 'ipaddr.js';

/**
 * What a per-address limit counts (lib/rate-limits.ts, the sandbox's rate limits): an IPv4 address as it
 * is; an IPv6 address by its /64 network, since a subscriber or a server is given at least a /64 and can
 * send from any address in it (counted one by one, one machine would have 2^64 allowances); an IPv4
 * address written as IPv6 (`::ffff:192.0.2.1`) as that IPv4 address. Anything else is counted as it is.
 */
export function addressGroup(entry: string): string {
  // Some proxies write the port too: `203.0.113.5:1234`, `[2001:db8::1]:443`.
  const ip = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ?? entry;
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(':')}::/64`;
}
