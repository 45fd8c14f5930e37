import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { listen } from '../db/listen.ts';
import { highestAccepted, listPolicyVersions, recordAcceptance, versionInForce, type PolicyVersion } from './store.ts';

export const POLICY_CHANNEL = 'policy_changes';
// A backstop only: publishing notifies every process at once.
const REFRESH_MS = 60_000;

export type PolicyState = {
  /** The version in force now (version 1 exists from the first migration on). */
  inForce(): Promise<PolicyVersion>;
  versions(): Promise<PolicyVersion[]>;
  /**
   * AUP 7: continued use after a version takes effect is acceptance. Records it the first time an organization
   * uses the platform under a version it has not yet accepted (then remembers, so later requests cost nothing).
   */
  /** Records acceptance by continued use if due; returns the version in force it judged by. */
  noteUse(orgId: string, actor: string): Promise<number>;
  /** After a publication in this process, without waiting for the notification. */
  invalidate(): void;
  stop(): Promise<void>;
};

export function createPolicyState(db: Db, clock: { now(): Date }, log: Logger): PolicyState {
  let cached: { versions: PolicyVersion[]; at: number } | null = null;
  let loading: Promise<PolicyVersion[]> | null = null;
  const accepted = new Map<string, number>();
  const listening = listen(db, POLICY_CHANNEL, { onNotify: () => { cached = null; }, onListening: () => { cached = null; } }, log);

  const versions = async (): Promise<PolicyVersion[]> => {
    const now = clock.now().getTime();
    if (cached && now - cached.at < REFRESH_MS) return cached.versions;
    loading ??= listPolicyVersions(db).then((v) => {
      cached = { versions: v, at: now };
      return v;
    }).finally(() => { loading = null; });
    return loading;
  };
  const inForce = async () => {
    const current = versionInForce(await versions(), clock.now());
    if (!current) throw new Error('no policy version in force: the database was not seeded (ensurePolicyV1)');
    return current;
  };

  return {
    inForce,
    versions,
    async noteUse(orgId, actor) {
      const current = await inForce();
      if ((accepted.get(orgId) ?? 0) >= current.version) return current.version;
      const known = await highestAccepted(db, orgId);
      if (known < current.version) {
        await recordAcceptance(db, orgId, { version: current.version, accepted_at: clock.now(), method: 'continued_use', actor });
      }
      if (accepted.size > 100_000) accepted.clear();
      accepted.set(orgId, current.version);
      return current.version;
    },
    invalidate() {
      cached = null;
    },
    stop: () => listening.stop(),
  };
}
