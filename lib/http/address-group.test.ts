import { describe, expect, it } from 'vitest';
import { addressGroup } from '@/lib/http/address-group';

describe('addressGroup', () => {
  it('counts an IPv6 address by its /64, however it is written', () => {
    const group = addressGroup('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(group).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2::1')).toBe(group);
    expect(addressGroup('2001:0DB8:0001:0002:0000:0000:0000:0009')).toBe(group);
    expect(addressGroup('2001:db8:1:3::1')).not.toBe(group);
  });

  it('counts IPv4 addresses one by one, also when written as IPv6', () => {
    expect(addressGroup('192.0.2.1')).toBe('192.0.2.1');
    expect(addressGroup('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressGroup('192.0.2.2')).not.toBe(addressGroup('192.0.2.1'));
  });

  it('leaves out a port a proxy wrote with the address', () => {
    expect(addressGroup('192.0.2.1:51234')).toBe('192.0.2.1');
    expect(addressGroup('[2001:db8:1:2::9]:443')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('[2001:db8:1:2::9]')).toBe('2001:db8:1:2::/64');
  });

  it('leaves what is not an address as it is', () => {
    expect(addressGroup('unknown')).toBe('unknown');
    expect(addressGroup('')).toBe('');
  });
});
