import ipaddr from 'ipaddr.js';

/**
 * The source a per-address budget belongs to: an IPv4 address, or an IPv6 /64 — one subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would hand an abuser 2^64 budgets. IPv4-mapped IPv6 counts as IPv4.
 */
export function clientAddressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/**
 * What a failed key is counted under: its first 12 characters (`xp_live_AbCd`), the part a guesser varies least.
 * Shorter tokens have no prefix worth counting (the address still counts them); the rest of a key is never kept.
 */
export function keyPrefix(presented: string): string | null {
  return presented.length >= 16 ? presented.slice(0, 12) : null;
}
