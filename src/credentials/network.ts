import ipaddr from 'ipaddr.js';

/**
 * Where a request came from, as the network a person or a machine keeps while its address changes: an IPv4 /24
 * or an IPv6 /48 (an office, a VPN's exit pool, a site). IPv4-mapped IPv6 counts as IPv4. Not an address: null.
 */
export function networkOf(ip: string): string | null {
  const address = parseIp(ip);
  if (!address) return null;
  if (address.kind() === 'ipv4') {
    const [a, b, c] = (address as ipaddr.IPv4).octets;
    return `${a}.${b}.${c}.0/24`;
  }
  const parts = (address as ipaddr.IPv6).parts.slice(0, 3).map((p) => p.toString(16));
  return `${parts.join(':')}::/48`;
}

/**
 * The wider block a network sits in, the travel check's stand-in for distance: IPv4 /16, IPv6 /32 (a typical
 * provider's allocation). Two networks in one block are most likely one provider in one region.
 */
export function blockOf(network: string): string {
  const [address] = network.split('/');
  if (network.endsWith('/24')) return `${address!.split('.').slice(0, 2).join('.')}.0.0/16`;
  const parts = ipaddr.parse(address!).toNormalizedString().split(':').slice(0, 2);
  return `${parts.map((p) => p.replace(/^0+(?=.)/, '')).join(':')}::/32`;
}

export function parseIp(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(ip)) return null;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses and normalizes an allow-list; returns the entries that are not CIDRs (or addresses) as problems. */
export function parseCidrList(items: string[]): { cidrs: string[]; invalid: string[] } {
  const cidrs: string[] = [];
  const invalid: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    try {
      const [address, bits] = item.includes('/') ? ipaddr.parseCIDR(item) : [ipaddr.parse(item), ipaddr.parse(item).kind() === 'ipv4' ? 32 : 128];
      const base = address.kind() === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`)
        : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
      cidrs.push(`${base.toString()}/${bits}`);
    } catch {
      invalid.push(item);
    }
  }
  return { cidrs: [...new Set(cidrs)], invalid };
}

export function compileCidrs(cidrs: string[]): Cidr[] {
  return cidrs.map((c) => ipaddr.parseCIDR(c) as Cidr);
}

export function allowedBy(cidrs: Cidr[], ip: string): boolean {
  const address = parseIp(ip);
  if (!address) return false;
  return cidrs.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}
