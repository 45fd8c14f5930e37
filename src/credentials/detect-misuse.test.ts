import { describe, expect, it } from 'vitest';
import { countryMapFromCsv } from './country-map.ts';
import { detectMisuse, type FreshUse, type MisuseSettings } from './detect-misuse.ts';
import { allowedBy, blockOf, compileCidrs, networkOf, parseCidrList } from './network.ts';

const HOUR = 3_600_000;
const settings: MisuseSettings = { networks: 5, windowMs: 24 * HOUR, travelMs: 30 * 60_000, rotationMs: 24 * HOUR };
const now = Date.UTC(2026, 10, 26, 12);
const use = (network: string, at: number, extra: Partial<FreshUse> = {}): FreshUse => ({ network, country: null, firstAt: at, lastAt: at, requests: 1, revokedRequests: 0, ...extra });

describe('networks', () => {
  it('are IPv4 /24 and IPv6 /48, IPv4-mapped counting as IPv4', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('not an address')).toBeNull();
    expect(blockOf('203.0.113.0/24')).toBe('203.0.0.0/16');
    expect(blockOf('2001:db8:abcd::/48')).toBe('2001:db8::/32');
  });

  it('allow-lists are normalized CIDRs; addresses outside them are refused', () => {
    expect(parseCidrList(['198.51.100.7/24', '2001:db8::1', 'nope'])).toEqual({ cidrs: ['198.51.100.0/24', '2001:db8::1/128'], invalid: ['nope'] });
    const cidrs = compileCidrs(['198.51.100.0/24']);
    expect(allowedBy(cidrs, '198.51.100.200')).toBe(true);
    expect(allowedBy(cidrs, '::ffff:198.51.100.200')).toBe(true);
    expect(allowedBy(cidrs, '198.51.101.1')).toBe(false);
    expect(allowedBy(cidrs, '2001:db8::1')).toBe(false);
  });

  it('countries come from a CSV of CIDRs or ranges, and are otherwise unknown', () => {
    const map = countryMapFromCsv('network,country\n203.0.113.0/24,NL\n198.51.100.0,198.51.100.255,br\n2001:db8::/32,DE\n');
    expect(map.countryOf('203.0.113.0/24')).toBe('NL');
    expect(map.countryOf('198.51.100.0/24')).toBe('BR');
    expect(map.countryOf('2001:db8:1::/48')).toBe('DE');
    expect(map.countryOf('192.0.2.0/24')).toBeNull();
  });
});

describe('detectMisuse', () => {
  it('five networks in the window are sharing; four, or a fifth seen before the window, are not', () => {
    const four = ['10.1.1.0/24', '10.2.1.0/24', '10.3.1.0/24', '10.4.1.0/24'].map((n) => use(n, now));
    expect(detectMisuse({ fresh: four, known: [], rotation: null }, settings, now)).toEqual([]);
    const old = { network: '10.5.1.0/24', country: null, firstAt: now - 30 * HOUR, lastAt: now - 25 * HOUR };
    expect(detectMisuse({ fresh: four, known: [old], rotation: null }, settings, now)).toEqual([]);
    const [finding] = detectMisuse({ fresh: four, known: [{ ...old, lastAt: now - HOUR }], rotation: null }, settings, now);
    expect(finding).toMatchObject({ kind: 'credential_sharing', clause: '3.6', reasons: ['many_networks'], detail: { network_count: 5 } });
  });

  it('a jump needs known, different countries and different /16s within the travel time', () => {
    const a = { network: '203.0.113.0/24', country: 'NL', firstAt: now - 10 * 60_000, lastAt: now - 10 * 60_000 };
    expect(detectMisuse({ fresh: [use('198.51.100.0/24', now, { country: 'BR' })], known: [a], rotation: null }, settings, now)[0])
      .toMatchObject({ reasons: ['impossible_travel'], detail: { travel: { from: '203.0.113.0/24', to: '198.51.100.0/24', from_country: 'NL', to_country: 'BR' } } });
    // Unknown countries: a second block alone is not judged.
    expect(detectMisuse({ fresh: [use('198.51.100.0/24', now)], known: [{ ...a, country: null }], rotation: null }, settings, now)).toEqual([]);
    // Same /16.
    expect(detectMisuse({ fresh: [use('203.0.114.0/24', now, { country: 'BR' })], known: [a], rotation: null }, settings, now)).toEqual([]);
    // Hours apart.
    expect(detectMisuse({ fresh: [use('198.51.100.0/24', now, { country: 'BR' })], known: [{ ...a, lastAt: now - 3 * HOUR }], rotation: null }, settings, now)).toEqual([]);
  });

  it('a rotated key used at once from a network the organization never used is suspicious; from a known one it is not', () => {
    const rotation = { createdAt: now - HOUR, orgNetworks: new Set(['203.0.113.0/24']) };
    expect(detectMisuse({ fresh: [use('203.0.113.0/24', now)], known: [], rotation }, settings, now)).toEqual([]);
    expect(detectMisuse({ fresh: [use('192.0.2.0/24', now)], known: [], rotation }, settings, now)[0]).toMatchObject({ reasons: ['new_network_after_rotation'] });
    expect(detectMisuse({ fresh: [use('192.0.2.0/24', now)], known: [], rotation: { ...rotation, createdAt: now - 25 * HOUR } }, settings, now)).toEqual([]);
  });

  it('a revoked key\'s attempts are their own finding, under 3.4', () => {
    expect(detectMisuse({ fresh: [use('192.0.2.0/24', now, { requests: 0, revokedRequests: 3 })], known: [], rotation: null }, settings, now))
      .toEqual([{ kind: 'revoked_key_used', clause: '3.4', detail: { attempts: 3, networks: ['192.0.2.0/24'], countries: [] } }]);
  });
});
