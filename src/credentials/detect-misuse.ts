import { blockOf } from './network.ts';

/**
 * Credential misuse, judged from where one API key is used (AUP 3.4, 3.6; decision 0021). Pure: the recorder
 * gathers what a flush brings and what is stored, this decides. Thresholds are configuration (KEY_SHARING_*).
 */
export type MisuseSettings = {
  /** This many distinct networks within the window: shared. */
  networks: number;
  windowMs: number;
  /** Two networks in different blocks and countries used within this long of each other: a jump no one travels. */
  travelMs: number;
  /** A key created within this long of another key's revocation is a rotation; its first uses are watched this long. */
  rotationMs: number;
};

export type NetworkUse = { network: string; country: string | null; firstAt: number; lastAt: number };
export type FreshUse = NetworkUse & { requests: number; revokedRequests: number };

export type KeyObservation = {
  /** Counted since the last flush (one process's view). */
  fresh: FreshUse[];
  /** The key's networks already stored with a valid use, last seen within the window. */
  known: NetworkUse[];
  /** When the key replaced a revoked one: its creation and the networks the organization's other keys used. */
  rotation: { createdAt: number; orgNetworks: Set<string> } | null;
};

export type SharingReason = 'many_networks' | 'impossible_travel' | 'new_network_after_rotation';

export type Finding =
  | { kind: 'credential_sharing'; clause: '3.6'; reasons: SharingReason[]; detail: Record<string, unknown> }
  | { kind: 'revoked_key_used'; clause: '3.4'; detail: Record<string, unknown> };

const LISTED = 20;

export function detectMisuse(o: KeyObservation, settings: MisuseSettings, now: number): Finding[] {
  const findings: Finding[] = [];
  const revoked = o.fresh.filter((f) => f.revokedRequests > 0);
  if (revoked.length > 0) {
    findings.push({
      kind: 'revoked_key_used', clause: '3.4',
      detail: { attempts: revoked.reduce((n, f) => n + f.revokedRequests, 0), networks: revoked.map((f) => f.network).slice(0, LISTED), countries: countries(revoked) },
    });
  }

  const used = o.fresh.filter((f) => f.requests > 0);
  if (used.length === 0) return findings;
  const inWindow = new Map<string, NetworkUse>();
  for (const n of [...o.known, ...used]) {
    if (n.lastAt < now - settings.windowMs) continue;
    const seen = inWindow.get(n.network);
    inWindow.set(n.network, seen ? { ...n, country: n.country ?? seen.country, firstAt: Math.min(seen.firstAt, n.firstAt), lastAt: Math.max(seen.lastAt, n.lastAt) } : n);
  }
  const reasons: SharingReason[] = [];
  const detail: Record<string, unknown> = {
    networks: [...inWindow.keys()].sort().slice(0, LISTED), network_count: inWindow.size, countries: countries([...inWindow.values()]),
    window_hours: settings.windowMs / 3_600_000, threshold: settings.networks,
  };
  if (inWindow.size >= settings.networks) reasons.push('many_networks');

  const jump = findJump(used, o.known, settings.travelMs);
  if (jump) {
    reasons.push('impossible_travel');
    detail['travel'] = jump;
  }

  if (o.rotation && o.rotation.orgNetworks.size > 0 && now - o.rotation.createdAt <= settings.rotationMs) {
    const knownToKey = new Set(o.known.map((k) => k.network));
    const unseen = used.filter((f) => !o.rotation!.orgNetworks.has(f.network) && !knownToKey.has(f.network));
    if (unseen.length > 0) {
      reasons.push('new_network_after_rotation');
      detail['rotation'] = { key_created_at: new Date(o.rotation.createdAt).toISOString(), new_networks: unseen.map((u) => u.network).slice(0, LISTED) };
    }
  }
  if (reasons.length > 0) findings.push({ kind: 'credential_sharing', clause: '3.6', reasons, detail });
  return findings;
}

/**
 * A use from one network within travelMs of a use from another whose country is known and different, in a
 * different /16 (IPv6 /32). Without countries nothing is judged: a second block alone is as likely a second
 * data centre of the same customer as a second continent.
 */
function findJump(used: FreshUse[], known: NetworkUse[], travelMs: number) {
  for (const a of used) {
    if (!a.country) continue;
    for (const b of [...used, ...known]) {
      if (!b.country || b.network === a.network || b.country === a.country || blockOf(a.network) === blockOf(b.network)) continue;
      const bTimes = used.includes(b as FreshUse) ? [b.firstAt, b.lastAt] : [b.lastAt];
      const gap = Math.min(...bTimes.flatMap((t) => [Math.abs(a.firstAt - t), Math.abs(a.lastAt - t)]));
      if (gap <= travelMs) {
        const [from, to] = b.lastAt <= a.lastAt ? [b, a] : [a, b];
        return { from: from.network, from_country: from.country, to: to.network, to_country: to.country, minutes: Math.round(gap / 6_000) / 10 };
      }
    }
  }
  return null;
}

function countries(uses: { country: string | null }[]): string[] {
  return [...new Set(uses.map((u) => u.country).filter((c): c is string => c !== null))].sort();
}
