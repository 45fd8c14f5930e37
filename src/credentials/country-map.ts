import { readFileSync } from 'node:fs';
import ipaddr from 'ipaddr.js';

/**
 * Countries of networks, from a CSV file the operator supplies (KEY_USAGE_COUNTRY_FILE); there is no GeoIP
 * database offline and none is guessed. Each line is `cidr,CC` (e.g. MaxMind's GeoLite2 Country blocks joined to
 * their locations) or `first_ip,last_ip,CC` (the DB-IP / IP2Location "lite" range files); other lines (headers,
 * comments) are skipped. Without a file every country is unknown.
 */
export type CountryMap = { countryOf(network: string): string | null; readonly ranges: number };

type Range = { first: bigint; last: bigint; country: string };

export const NO_COUNTRIES: CountryMap = { countryOf: () => null, ranges: 0 };

export function loadCountryMap(path: string | undefined): CountryMap {
  if (!path) return NO_COUNTRIES;
  return countryMapFromCsv(readFileSync(path, 'utf8'));
}

export function countryMapFromCsv(text: string): CountryMap {
  const v4: Range[] = [];
  const v6: Range[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    const range = cells.length >= 3 && ipaddr.isValid(cells[0]!) && ipaddr.isValid(cells[1]!)
      ? { first: cells[0]!, last: cells[1]!, country: cells[2]! }
      : cells.length >= 2 && cells[0]!.includes('/') ? cidrRange(cells[0]!, cells[1]!) : null;
    if (!range || !/^[A-Za-z]{2}$/.test(range.country)) continue;
    const first = ipaddr.parse(range.first);
    const last = ipaddr.parse(range.last);
    if (first.kind() !== last.kind()) continue;
    (first.kind() === 'ipv4' ? v4 : v6).push({ first: toBigInt(first), last: toBigInt(last), country: range.country.toUpperCase() });
  }
  v4.sort((a, b) => (a.first < b.first ? -1 : 1));
  v6.sort((a, b) => (a.first < b.first ? -1 : 1));
  return {
    ranges: v4.length + v6.length,
    countryOf(network) {
      const address = ipaddr.parse(network.split('/')[0]!);
      return find(address.kind() === 'ipv4' ? v4 : v6, toBigInt(address));
    },
  };
}

function cidrRange(cidr: string, country: string) {
  try {
    const [address, bits] = ipaddr.parseCIDR(cidr);
    const v4 = address.kind() === 'ipv4';
    const first = v4 ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
    const last = v4 ? ipaddr.IPv4.broadcastAddressFromCIDR(cidr) : ipaddr.IPv6.broadcastAddressFromCIDR(cidr);
    return bits >= 0 ? { first: first.toString(), last: last.toString(), country } : null;
  } catch {
    return null;
  }
}

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
}

/** The last range starting at or before the address, if it reaches it (ranges do not overlap in these files). */
function find(ranges: Range[], value: bigint): string | null {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.first <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && ranges[found]!.last >= value ? ranges[found]!.country : null;
}
