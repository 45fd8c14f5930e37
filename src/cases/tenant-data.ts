import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { findCase, type CaseRow } from './store.ts';
import type { CaseActor } from './work-case.ts';

/** How far before a case's report its organization's messages are relevant. */
export const RELEVANT_DAYS = 30;
export const MAX_ROWS = 1000;

export type CaseMessage = {
  id: string; direction: string; counterpart: string; contact_id: string; type: string; content: unknown; rendered_text: string | null;
  template_id: string | null; status: string; error: unknown; created_at: Date;
};
export type CaseConsentRecord = {
  seq: string; id: string; contact_id: string; purpose: string; state: string; source: string; proof: unknown; actor: string;
  recorded_at: Date; prev_hash: string; hash: string;
};

/**
 * The investigated organization's messages relevant to the case: from RELEVANT_DAYS before the case on, and, when
 * a reporter gave their phone, only the conversation with that number (the report is about what they received).
 */
export async function relevantMessages(db: Db, c: CaseRow, limit: number) {
  if (!c.org_id) return [];
  const since = new Date(c.created_at.getTime() - RELEVANT_DAYS * 86_400_000);
  const phones = await reporterPhones(db, c);
  return db.query<CaseMessage>(sql`
    SELECT id, direction, counterpart, contact_id, type, content, rendered_text, template_id, status, error, created_at FROM messages
    WHERE org_id = ${c.org_id} AND created_at >= ${since} AND (cardinality(${phones}::text[]) = 0 OR counterpart = ANY(${phones}::text[]))
    ORDER BY id DESC LIMIT ${limit}`);
}

/** The consent ledger of the contacts those messages went to or came from (and the reporters' numbers), with its chain. */
export async function relevantConsentRecords(db: Db, c: CaseRow, messages: CaseMessage[], limit: number) {
  if (!c.org_id) return [];
  const contacts = [...new Set(messages.map((m) => m.contact_id))];
  const phones = await reporterPhones(db, c);
  return db.query<CaseConsentRecord>(sql`
    SELECT r.seq::text AS seq, r.id, r.contact_id, r.purpose, r.state, r.source, r.proof, r.actor, r.recorded_at, r.prev_hash, r.hash
    FROM consent_records r
    WHERE r.org_id = ${c.org_id} AND (r.contact_id = ANY(${contacts}::text[])
      OR r.contact_id IN (SELECT id FROM contacts WHERE org_id = ${c.org_id} AND phone_e164 = ANY(${phones}::text[])))
    ORDER BY r.seq LIMIT ${limit}`);
}

async function reporterPhones(db: Db, c: CaseRow): Promise<string[]> {
  const rows = await db.query<{ reporter_phone: string }>(sql`
    SELECT reporter_phone FROM violation_reports WHERE id = ANY(${c.report_ids}::text[]) AND reporter_phone IS NOT NULL`);
  return rows.map((r) => r.reporter_phone);
}

/**
 * An operator reads the organization's messages or consent records through a case. The read is recorded in the
 * organization's own chain (`operator.accessed_tenant_data`, decision 0018), in the transaction that reads, so
 * nothing is shown that is not recorded.
 */
export async function readTenantData(db: Db, caseId: string, what: 'messages' | 'consent_records', by: CaseActor, limit = MAX_ROWS) {
  return db.transaction(async (tx) => {
    const c = await findCase(tx, caseId);
    if (!c) throw new AppError('not_found', { message: `No case ${caseId}.` });
    if (!c.org_id) throw new AppError('validation_failed', { message: 'This case names no organization of the platform: it has no messages or consent records.' });
    const messages = await relevantMessages(tx, c, limit);
    const rows = what === 'messages' ? messages : await relevantConsentRecords(tx, c, messages, limit);
    await recordAudit(tx, {
      orgId: c.org_id, action: 'operator.accessed_tenant_data', actor: by.actor, subject: caseId, requestId: by.requestId,
      detail: { case_id: caseId, what, rows: rows.length },
    });
    return { case: c, rows };
  });
}
