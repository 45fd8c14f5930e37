import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { alertKeyMisuse } from './alert-key-misuse.ts';
import type { CountryMap } from './country-map.ts';
import { detectMisuse, type FreshUse, type MisuseSettings } from './detect-misuse.ts';
import { networkOf } from './network.ts';
import { keyFacts, otherKeysNetworks, recentKeyNetworks, sweepKeyUsage, writeKeyUsage, type UsageRow } from './store.ts';

/**
 * Where each API key is used from (AUP 3.4, 3.6; decision 0021). The request path only counts in memory, per key
 * and network; every flush interval one statement writes the counts, then the keys it touched are judged
 * (`detectMisuse`) and a finding alerts the owners once per key and window. A request costs no database write.
 */
export type KeyUsage = {
  /** A request authenticated by this key. */
  used(orgId: string, keyId: string, ip: string): void;
  /** A request presenting this key after its revocation (refused with 401). */
  usedAfterRevocation(orgId: string, keyId: string, ip: string): void;
  /** Writes and judges what was counted; the tests call it rather than wait for the interval. */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

export type KeyUsageSettings = MisuseSettings & { flushMs: number; retentionMs: number };

const MAX_PENDING = 50_000;
const MAX_MEMO = 10_000;
const SWEEP_EVERY_MS = 3_600_000;

export function createKeyUsage(db: Db, log: Logger, settings: KeyUsageSettings, countries: CountryMap): KeyUsage {
  let pending = new Map<string, UsageRow>();
  let flushing: Promise<void> = Promise.resolve();
  let lastSweep = 0;
  const networks = new Map<string, string | null>(); // address → network, so the request path parses an address once

  const count = (orgId: string, keyId: string, ip: string, revoked: boolean) => {
    let network = networks.get(ip);
    if (network === undefined) {
      network = networkOf(ip);
      if (networks.size >= MAX_MEMO) networks.clear();
      networks.set(ip, network);
    }
    if (network === null) return;
    const now = Date.now();
    const id = `${orgId} ${keyId} ${network}`;
    let row = pending.get(id);
    if (!row) {
      if (pending.size >= MAX_PENDING) void flush();
      row = { orgId, keyId, network, country: null, firstAt: now, lastAt: now, requests: 0, revokedRequests: 0 };
      pending.set(id, row);
    }
    row.lastAt = now;
    if (revoked) row.revokedRequests++;
    else row.requests++;
  };

  const judge = async (rows: UsageRow[]) => {
    if (rows.length === 0) return;
    const now = Date.now();
    for (const row of rows) row.country = countries.countryOf(row.network);
    const keys = [...new Map(rows.map((r) => [`${r.orgId} ${r.keyId}`, { orgId: r.orgId, keyId: r.keyId }])).values()];
    // Read before writing: "known" is what this flush did not bring.
    const known = await recentKeyNetworks(db, keys, new Date(now - settings.windowMs));
    await writeKeyUsage(db, rows);
    for (const key of await keyFacts(db, keys, settings.rotationMs)) {
      const fresh: FreshUse[] = rows.filter((r) => r.orgId === key.org_id && r.keyId === key.id);
      const young = key.replaced_another && now - key.created_at.getTime() <= settings.rotationMs && fresh.some((f) => f.requests > 0);
      const findings = detectMisuse({
        fresh,
        known: known.filter((k) => k.org_id === key.org_id && k.key_id === key.id)
          .map((k) => ({ network: k.network, country: k.country, firstAt: k.first_seen_at.getTime(), lastAt: k.last_seen_at.getTime() })),
        rotation: young ? { createdAt: key.created_at.getTime(), orgNetworks: await otherKeysNetworks(db, key.org_id, key.id) } : null,
      }, settings, now);
      for (const finding of findings) {
        const alerted = await alertKeyMisuse(db, { orgId: key.org_id, keyId: key.id, name: key.name, hint: key.hint }, finding, new Date(now), settings.windowMs);
        if (alerted) log.warn({ org_id: key.org_id, key_id: key.id, kind: finding.kind, detail: finding.detail }, 'API key misuse: owners alerted');
      }
    }
    if (now - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = now;
      await sweepKeyUsage(db, new Date(now - settings.retentionMs));
    }
  };

  const flush = () => {
    const batch = [...pending.values()];
    pending = new Map();
    flushing = flushing.then(() => judge(batch)).catch((err: unknown) => {
      log.warn({ err, rows: batch.length }, 'could not record API key usage');
    });
    return flushing;
  };
  const timer = setInterval(() => void flush(), settings.flushMs);
  timer.unref();

  return {
    used: (orgId, keyId, ip) => count(orgId, keyId, ip, false),
    usedAfterRevocation: (orgId, keyId, ip) => count(orgId, keyId, ip, true),
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
