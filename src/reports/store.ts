import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Evidence } from './evidence.ts';
import type { ReportInput } from './report-input.ts';

// Violation reports are the platform's records, not a tenant's (org_id is whom they are about, and may be
// unknown): these functions are unscoped by design and used only by the public intake and the operators.

export type ReportRow = {
  id: string; reference: string; org_id: string | null; phone_number_id: string | null; category: string; clause: string;
  reported_business: string | null; reported_phone: string | null; description: string;
  reporter_email: string | null; reporter_phone: string | null; source: 'form' | 'api';
  status: 'received' | 'closed'; outcome: string | null; outcome_by: string | null; outcome_at: Date | null; created_at: Date;
  evidence_count: number;
};

const columns = sql`r.id, r.reference, r.org_id, r.phone_number_id, r.category, r.clause, r.reported_business, r.reported_phone,
  r.description, r.reporter_email, r.reporter_phone, r.source, r.status, r.outcome, r.outcome_by, r.outcome_at, r.created_at,
  (SELECT count(*)::int FROM violation_report_evidence e WHERE e.report_id = r.id) AS evidence_count`;

/**
 * The organization that connected this WhatsApp number, found before any tenant is known (a report comes from
 * the public): unscoped on purpose. Compared by digits, since display numbers carry spaces and dashes; should two
 * organizations ever hold rows for one number, the latest connection is the one that sends from it.
 */
export function findNumberOwnerUnscoped(db: Db, e164: string) {
  return one<{ org_id: string; id: string }>(db, sql`
    SELECT org_id, id FROM phone_numbers WHERE regexp_replace(display_phone_number, '[^0-9]', '', 'g') = ${e164.replace(/\D/g, '')}
    ORDER BY created_at DESC, id DESC LIMIT 1`);
}

/** Spends a proof-of-work challenge; false when it was spent before. Expired entries go at the same time. */
export async function spendChallenge(tx: Db, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
  await tx.query(sql`DELETE FROM report_challenges_spent WHERE expires_at < ${now}`);
  const rows = await tx.query(sql`
    INSERT INTO report_challenges_spent (nonce, expires_at) VALUES (${nonce}, ${expiresAt}) ON CONFLICT (nonce) DO NOTHING RETURNING nonce`);
  return rows.length === 1;
}

export async function insertReport(tx: Db, r: {
  id: string; reference: string; orgId: string | null; phoneNumberId: string | null; input: ReportInput; ip: string; source: 'form' | 'api'; at: Date;
}, evidence: Evidence[]): Promise<void> {
  const i = r.input;
  await tx.query(sql`
    INSERT INTO violation_reports (id, reference, org_id, phone_number_id, category, clause, reported_business, reported_phone, description,
      reporter_email, reporter_phone, reporter_ip, source, created_at)
    VALUES (${r.id}, ${r.reference}, ${r.orgId}, ${r.phoneNumberId}, ${i.category}, ${i.clause}, ${i.reportedBusiness}, ${i.reportedPhone},
      ${i.description}, ${i.reporterEmail}, ${i.reporterPhone}, ${r.ip}, ${r.source}, ${r.at})`);
  for (const [position, e] of evidence.entries()) {
    await tx.query(sql`
      INSERT INTO violation_report_evidence (report_id, position, filename, mime_type, size_bytes, sha256, bytes)
      VALUES (${r.id}, ${position}, ${e.filename}, ${e.mimeType}, ${e.sizeBytes}, ${e.sha256}, ${e.bytes})`);
  }
}

export function findReportByReference(db: Db, reference: string) {
  return one<ReportRow>(db, sql`SELECT ${columns} FROM violation_reports r WHERE r.reference = ${reference}`);
}

export function listReports(db: Db, filter: { status?: 'received' | 'closed'; limit: number }) {
  return db.query<ReportRow>(sql`
    SELECT ${columns} FROM violation_reports r
    WHERE (${filter.status ?? null}::text IS NULL OR r.status = ${filter.status ?? null})
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${filter.limit}`);
}

export function listEvidence(db: Db, reportId: string) {
  return db.query<{ position: number; filename: string | null; mime_type: string; size_bytes: number; sha256: string }>(sql`
    SELECT position, filename, mime_type, size_bytes, sha256 FROM violation_report_evidence WHERE report_id = ${reportId} ORDER BY position`);
}

/** Closes an open report with its outcome; undefined when it is already closed (or gone). */
export function closeReport(tx: Db, id: string, outcome: string, by: string, at: Date) {
  return one<{ id: string }>(tx, sql`
    UPDATE violation_reports SET status = 'closed', outcome = ${outcome}, outcome_by = ${by}, outcome_at = ${at}
    WHERE id = ${id} AND status = 'received' RETURNING id`);
}
