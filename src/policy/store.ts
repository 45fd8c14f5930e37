import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AUP_V1, AUP_V1_EFFECTIVE_AT } from './aup-v1.ts';
import type { PolicyDocument } from './document.ts';

export type PolicyVersion = {
  version: number; title: string; document: PolicyDocument; summary: string; effective_at: Date; published_at: Date; published_by: string;
};

export type Acceptance = { version: number; accepted_at: Date; method: 'explicit' | 'continued_use'; actor: string };

/** Version 1 (the seed AUP) exists in every database: written once, after the migrations. */
export async function ensurePolicyV1(db: Db): Promise<void> {
  await db.query(sql`
    INSERT INTO policy_versions (version, title, document, summary, effective_at, published_at, published_by)
    VALUES (1, ${AUP_V1.title}, ${JSON.stringify(AUP_V1)}::jsonb, 'The first version.', ${AUP_V1_EFFECTIVE_AT}, ${AUP_V1_EFFECTIVE_AT}, 'system:seed')
    ON CONFLICT (version) DO NOTHING`);
}

export function listPolicyVersions(db: Db): Promise<PolicyVersion[]> {
  return db.query<PolicyVersion>(sql`
    SELECT version, title, document, summary, effective_at, published_at, published_by FROM policy_versions ORDER BY version`);
}

/** The version in force at `at`: the latest whose effective date has come. */
export function versionInForce(versions: PolicyVersion[], at: Date): PolicyVersion | undefined {
  let current: PolicyVersion | undefined;
  for (const v of versions) if (v.effective_at.getTime() <= at.getTime() && (!current || v.version > current.version)) current = v;
  return current;
}

export function upcomingVersions(versions: PolicyVersion[], at: Date): PolicyVersion[] {
  return versions.filter((v) => v.effective_at.getTime() > at.getTime());
}

/** Records an acceptance once per organization and version; the first one recorded stands (and alone is audited). */
export function recordAcceptance(db: Db, orgId: string, a: Acceptance) {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(sql`
      INSERT INTO policy_acceptances (org_id, version, accepted_at, method, actor)
      VALUES (${orgId}, ${a.version}, ${a.accepted_at}, ${a.method}, ${a.actor})
      ON CONFLICT (org_id, version) DO NOTHING RETURNING version`);
    if (inserted.length > 0) {
      await recordAudit(tx, { orgId, action: 'policy.accepted', actor: a.actor, subject: `policy:v${a.version}`, detail: { version: a.version, method: a.method }, at: a.accepted_at });
    }
  });
}

export function acceptancesOf(db: Db, orgId: string): Promise<Acceptance[]> {
  return db.query<Acceptance>(sql`
    SELECT version, accepted_at, method, actor FROM policy_acceptances WHERE org_id = ${orgId} ORDER BY version`);
}

export async function highestAccepted(db: Db, orgId: string): Promise<number> {
  const [row] = await db.query<{ version: number | null }>(sql`SELECT max(version) AS version FROM policy_acceptances WHERE org_id = ${orgId}`);
  return row?.version ?? 0;
}
