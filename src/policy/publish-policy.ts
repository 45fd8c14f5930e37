import { Ajv } from 'ajv';
import { recordAudits } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { emitEvents } from '../webhooks/emit-events.ts';
import { diffDocuments, documentProblems, policyDocumentSchema, type PolicyDocument } from './document.ts';
import { POLICY_CHANNEL } from './policy-state.ts';
import { listPolicyVersions, type PolicyVersion } from './store.ts';

const validateDocument = new Ajv({ allErrors: true }).compile(policyDocumentSchema);

/**
 * Publishes a new version of the Acceptable Use Policy, effective at a future date, and tells every organization
 * ahead of it — an account event, a `policy.updated` customer webhook and an email to its owners and admins —
 * in the same transaction, so a version is never published without its notices.
 */
export async function publishPolicy(
  ctx: { db: Db; now: Date; publicUrl?: string | undefined; minNoticeMs: number }, input: { document: unknown; summary: string; effectiveAt: Date; publishedBy: string },
): Promise<PolicyVersion> {
  const violations: { path: string; message: string }[] = [];
  if (!validateDocument(input.document)) {
    for (const e of validateDocument.errors ?? []) violations.push({ path: `body.document${e.instancePath.replace(/\//g, '.')}`, message: e.message ?? 'is invalid' });
  } else {
    violations.push(...documentProblems(input.document as PolicyDocument));
  }
  const now = ctx.now;
  // Organizations must hear of a version before it binds them (POLICY_MIN_NOTICE_HOURS, 7 days by default).
  if (Number.isNaN(input.effectiveAt.getTime()) || input.effectiveAt.getTime() <= now.getTime() + ctx.minNoticeMs) {
    violations.push({ path: 'body.effective_at', message: `must be in the future, at least ${ctx.minNoticeMs / 3_600_000} hours from now, so organizations are told before it binds them` });
  }
  if (!input.summary.trim()) violations.push({ path: 'body.summary', message: 'say what changed, in a sentence or two' });
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });
  const document = input.document as PolicyDocument;

  return ctx.db.transaction(async (tx) => {
    // One publisher at a time: versions are numbered without gaps.
    await tx.query(sql`LOCK TABLE policy_versions IN SHARE ROW EXCLUSIVE MODE`);
    const existing = await listPolicyVersions(tx);
    const previous = existing[existing.length - 1]!;
    const version = previous.version + 1;
    const [row] = await tx.query<PolicyVersion>(sql`
      INSERT INTO policy_versions (version, title, document, summary, effective_at, published_at, published_by)
      VALUES (${version}, ${document.title}, ${JSON.stringify(document)}::jsonb, ${input.summary}, ${input.effectiveAt}, ${now}, ${input.publishedBy})
      RETURNING version, title, document, summary, effective_at, published_at, published_by`);
    const changes = diffDocuments(previous.document, document);
    const notice = {
      version, effective_at: input.effectiveAt.toISOString(), summary: input.summary, changes,
      url: '/legal/aup', text_url: `/legal/aup/v${version}`,
    };
    const notified = await notifyOrganizations(tx, notice, ctx.publicUrl ?? '');
    await tx.query(sql`SELECT pg_notify(${POLICY_CHANNEL}, ${String(version)})`);
    // The operator chain records the publication; each organization's chain, that it was told.
    const about = { actor: input.publishedBy, subject: `policy:v${version}` };
    await recordAudits(tx, [
      { ...about, orgId: null, action: 'policy.published', at: now, detail: { version, effective_at: notice.effective_at, summary: input.summary, organizations_notified: notified.length } },
      ...notified.map((orgId) => ({ ...about, orgId, action: 'policy.published' as const, at: now, detail: { version, effective_at: notice.effective_at } })),
    ]);
    return row!;
  });
}

type Notice = { version: number; effective_at: string; summary: string; changes: { id: string; title: string; change: string }[]; url: string; text_url: string };

/** Returns the organizations told. */
async function notifyOrganizations(tx: Db, notice: Notice, publicUrl: string): Promise<string[]> {
  const orgs = await tx.query<{ id: string; name: string }>(sql`SELECT id, name FROM organizations WHERE status <> 'terminated' ORDER BY id`);
  if (orgs.length === 0) return [];
  await tx.query(sql`
    INSERT INTO account_events (org_id, id, kind, subject, detail)
    SELECT o, e, 'policy.published', ${`policy:v${notice.version}`}, ${JSON.stringify(notice)}::jsonb
    FROM unnest(${orgs.map((o) => o.id)}::text[], ${orgs.map(() => newId('accountEvent'))}::text[]) AS v(o, e)`);
  const recipients = await tx.query<{ org_id: string; email: string }>(sql`
    SELECT m.org_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.org_id = ANY(${orgs.map((o) => o.id)}::text[]) AND m.role IN ('owner', 'admin') ORDER BY m.org_id, u.email`);
  if (recipients.length > 0) {
    const date = notice.effective_at.slice(0, 10);
    const subject = `Xpecto's Acceptable Use Policy changes on ${date}`;
    const body = [
      `Version ${notice.version} of Xpecto's Acceptable Use Policy takes effect on ${notice.effective_at}.`,
      '', notice.summary, '',
      'What changed:', ...notice.changes.map((c) => `- ${c.id} ${c.title}: ${c.change}`), '',
      `Read it at ${publicUrl}${notice.url}. Continued use of the platform after that date constitutes acceptance (section 7).`,
    ].join('\n');
    await tx.query(sql`
      INSERT INTO email_outbox (id, org_id, to_address, subject, body, kind)
      SELECT v.id, v.org_id, v.email, ${subject}, ${body}, 'policy_notice'
      FROM unnest(${recipients.map(() => newId('email'))}::text[], ${recipients.map((r) => r.org_id)}::text[], ${recipients.map((r) => r.email)}::text[]) AS v(id, org_id, email)`);
  }
  for (const org of orgs) {
    await emitEvents(tx, org.id, [{ type: 'policy.updated', subject: `policy:v${notice.version}`, payload: notice }]);
  }
  return orgs.map((o) => o.id);
}
