import { recordAudits } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { findCase, insertCaseEvent, listCaseEvents } from './store.ts';
import { MAX_ROWS, relevantConsentRecords, relevantMessages } from './tenant-data.ts';
import { tar, type TarFile } from './tar.ts';
import type { CaseActor } from './work-case.ts';

export const MANIFEST = 'MANIFEST.sha256';

/**
 * The evidence bundle of a case, for legal action (AUP 5, decision 0023): a tar of the case and its timeline, its
 * reports with their attachments as filed, the organization's relevant messages and consent records, the audit
 * entries, and MANIFEST.sha256 (`sha256sum -c` format) over every other file. Read and audited in one transaction:
 * `case.evidence_exported` with the manifest's own hash (operator chain and the organization's), and the
 * organization's `operator.accessed_tenant_data`.
 */
export async function exportEvidence(db: Db, caseId: string, by: CaseActor, now: Date): Promise<{ filename: string; bytes: Buffer; manifestSha256: string }> {
  return db.transaction(async (tx) => {
    const c = await findCase(tx, caseId);
    if (!c) throw new AppError('not_found', { message: `No case ${caseId}.` });
    const json = (path: string, value: unknown): TarFile => ({ path, bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`) });
    const files: TarFile[] = [json('case.json', { ...c, events: await listCaseEvents(tx, caseId) })];

    const reports = await tx.query<Record<string, unknown> & { id: string }>(sql`
      SELECT id, reference, org_id, phone_number_id, category, clause, reported_business, reported_phone, description, reporter_email,
        reporter_phone, source, status, outcome, outcome_by, outcome_at, created_at
      FROM violation_reports WHERE id = ANY(${c.report_ids}::text[]) ORDER BY id`);
    for (const r of reports) {
      const evidence = await tx.query<{ position: number; filename: string | null; mime_type: string; size_bytes: number; sha256: string; bytes: Uint8Array }>(sql`
        SELECT position, filename, mime_type, size_bytes, sha256, bytes FROM violation_report_evidence WHERE report_id = ${r.id} ORDER BY position`);
      const attachments = evidence.map((e) => ({ path: `reports/${r.id}/${e.position}-${safeName(e.filename, e.mime_type)}`, ...e }));
      files.push(json(`reports/${r.id}.json`, { ...r, attachments: attachments.map(({ bytes: _bytes, ...meta }) => meta) }));
      for (const a of attachments) files.push({ path: a.path, bytes: Buffer.from(a.bytes) });
    }

    const messages = await relevantMessages(tx, c, MAX_ROWS);
    files.push(json('messages.json', messages));
    files.push(json('consent_records.json', await relevantConsentRecords(tx, c, messages, MAX_ROWS)));
    files.push(json('audit/operator.json', await tx.query(sql`
      SELECT * FROM audit_log WHERE chain = 'operator' AND (subject = ${caseId} OR subject = ANY(${c.report_ids}::text[])) ORDER BY seq`)));
    if (c.org_id) files.push(json('audit/organization.json', await tx.query(sql`SELECT * FROM audit_log WHERE chain = ${c.org_id} ORDER BY seq`)));

    const manifest = Buffer.from(files.map((f) => `${sha256Hex(f.bytes)}  ${f.path}\n`).join(''));
    files.push({ path: MANIFEST, bytes: manifest });
    const manifestSha256 = sha256Hex(manifest);

    const detail = { manifest_sha256: manifestSha256, files: files.length, messages: messages.length };
    await insertCaseEvent(tx, caseId, { kind: 'evidence_exported', actor: by.actor, detail, at: now });
    await recordAudits(tx, [
      { orgId: null, action: 'case.evidence_exported', actor: by.actor, subject: caseId, requestId: by.requestId, at: now, detail: { case_id: caseId, ...detail } },
      ...(c.org_id ? [
        { orgId: c.org_id, action: 'case.evidence_exported' as const, actor: by.actor, subject: caseId, requestId: by.requestId, at: now, detail: { case_id: caseId, ...detail } },
        { orgId: c.org_id, action: 'operator.accessed_tenant_data' as const, actor: by.actor, subject: caseId, requestId: by.requestId, at: now, detail: { case_id: caseId, what: 'evidence_bundle', rows: messages.length } },
      ] : []),
    ]);
    return { filename: `${caseId}-evidence.tar`, bytes: tar(files, now), manifestSha256 };
  });
}

/** The reporter's file name, reduced to what any file system and tar header takes; the type's extension otherwise. */
function safeName(filename: string | null, mimeType: string): string {
  const cleaned = (filename ?? '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-48);
  return cleaned || `attachment.${mimeType.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin'}`;
}
