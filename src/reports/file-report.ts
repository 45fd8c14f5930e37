import { recordSignals } from '../contacts/consent-policy.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Deps } from '../deps.ts';
import { recordAudits, type AuditEntry } from '../audit/record-audit.ts';
import { openCaseForReport } from '../cases/open-case.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { categoryLabel } from './categories.ts';
import { checkProofOfWork } from './challenge.ts';
import { checkEvidence, MAX_EVIDENCE_FILES, type Evidence, type EvidenceUpload } from './evidence.ts';
import { newReference } from './reference.ts';
import { parseReportInput, type ReportInput } from './report-input.ts';
import { findNumberOwnerUnscoped, insertReport, spendChallenge } from './store.ts';

export type Submission = {
  fields: Record<string, unknown>;
  files: EvidenceUpload[];
  ip: string;
  source: 'form' | 'api';
  /** The status page of a reference, for the acknowledgement. */
  statusUrl(reference: string): string;
  requestId?: string;
};

export type FiledReport = {
  id: string; reference: string; category: string; clause: string; status: 'received'; createdAt: Date; statusUrl: string;
  evidence: { filename: string | null; mimeType: string; sizeBytes: number; sha256: string }[];
};

const ACTOR = 'system:report_intake';

/**
 * AUP 5: a violation report from anyone. The proof of work first (cheapest to refuse), then the fields and the
 * evidence, then one transaction: the challenge spent, the report and its files, the reported organization's
 * account event and compliance signal, the reporter's acknowledgement email, the operators' case, the audit entries. Nothing is written
 * unless all of it is.
 */
export async function fileReport(deps: Pick<Deps, 'db' | 'sealer' | 'clock'>, s: Submission): Promise<FiledReport> {
  const now = deps.clock.now();
  const proof = checkProofOfWork(deps.sealer, s.fields['pow_challenge'], s.fields['pow_counter'], now);
  if (!proof.ok) throw proofRefusal(proof.reason);
  const input = parseReportInput(s.fields);
  const evidence = await checkEvidenceFiles(s.files);
  const owner = input.reportedPhone ? await findNumberOwnerUnscoped(deps.db, input.reportedPhone) : undefined;
  const report = { id: newId('violationReport'), reference: newReference(), at: now };
  const statusUrl = s.statusUrl(report.reference);

  await deps.db.transaction(async (tx) => {
    if (!(await spendChallenge(tx, proof.nonce, proof.expiresAt, now))) throw proofRefusal('already_used');
    await insertReport(tx, { ...report, orgId: owner?.org_id ?? null, phoneNumberId: owner?.id ?? null, input, ip: s.ip, source: s.source }, evidence);
    if (owner) await tellReportedOrganization(tx, owner, report.id, input, now);
    if (input.reporterEmail) await queueAcknowledgement(tx, input, report.reference, statusUrl, now);
    // Every report reaches a case for the operators: its own, or the open one about the same organization or number (decisions 0023, 0025).
    const opened = await openCaseForReport(tx, {
      id: report.id, orgId: owner?.org_id ?? null, reportedPhone: input.reportedPhone, clause: input.clause, category: input.category, at: now, requestId: s.requestId,
    });
    await recordAudits(tx, [...auditEntries(report.id, owner?.org_id ?? null, input, s, evidence.length, now), ...opened.audit]);
  });
  return {
    id: report.id, reference: report.reference, category: input.category, clause: input.clause, status: 'received', createdAt: now, statusUrl,
    evidence: evidence.map((e) => ({ filename: e.filename, mimeType: e.mimeType, sizeBytes: e.sizeBytes, sha256: e.sha256 })),
  };
}

function proofRefusal(reason: string): AppError {
  if (reason === 'missing') {
    return new AppError('proof_of_work_required', { details: { reason, challenge_url: '/v1/reports/challenge' } });
  }
  const messages: Record<string, string> = {
    malformed: 'The proof of work is not in the expected form.',
    forged: 'The challenge was not issued by this platform.',
    expired: 'The challenge has expired: get a new one.',
    too_easy: 'The challenge is easier than reports now need: get a new one.',
    insufficient: 'sha256(challenge + counter) does not start with enough zero bits.',
    already_used: 'This challenge was already used for a report: each report needs a new one.',
  };
  return new AppError('proof_of_work_invalid', { message: messages[reason] ?? 'The proof of work is not valid.', details: { reason, challenge_url: '/v1/reports/challenge' } });
}

async function checkEvidenceFiles(files: EvidenceUpload[]): Promise<Evidence[]> {
  if (files.length > MAX_EVIDENCE_FILES) {
    throw new AppError('validation_failed', { details: [{ path: 'body.evidence', message: `at most ${MAX_EVIDENCE_FILES} files` }] });
  }
  const checked: Evidence[] = [];
  for (const [i, file] of files.entries()) checked.push(await checkEvidence(file, `body.evidence[${i}]`));
  return checked;
}

/**
 * The reported organization hears that a report names it — its category and clause, never who filed it or what
 * they wrote (the description can name the reporter) — and the report counts as a signal against its standing.
 */
async function tellReportedOrganization(tx: Db, owner: { org_id: string; id: string }, reportId: string, input: ReportInput, now: Date) {
  const detail = { report_id: reportId, category: input.category, clause: input.clause, phone_number_id: owner.id };
  await tx.query(sql`
    INSERT INTO account_events (org_id, id, kind, subject, detail, created_at)
    VALUES (${owner.org_id}, ${newId('accountEvent')}, 'violation_report.received', ${reportId}, ${JSON.stringify(detail)}::jsonb, ${now})`);
  await recordSignals(tx, owner.org_id, [{ kind: 'violation_report', clause: input.clause, detail }], now);
}

async function queueAcknowledgement(tx: Db, input: ReportInput, reference: string, statusUrl: string, now: Date) {
  const body = [
    'Thank you for reporting a possible violation of Xpecto\'s Acceptable Use Policy.',
    '',
    `Reference: ${reference}`,
    `Category: ${categoryLabel(input.category)}`,
    `Received: ${now.toISOString()}`,
    '',
    'Our trust and safety team will look into it (Acceptable Use Policy, section 5). The business you reported is not told who you are.',
    `You can follow your report at ${statusUrl} — keep this reference private: it is the key to that page.`,
    'We will write to you again when it is decided.',
  ].join('\n');
  await tx.query(sql`
    INSERT INTO email_outbox (id, org_id, to_address, subject, body, kind, created_at)
    VALUES (${newId('email')}, NULL, ${input.reporterEmail}, ${`We received your report ${reference}`}, ${body}, 'report.acknowledgement', ${now})`);
}

/** In the operator chain always, and in the reported organization's chain when one was found; nothing of the reporter in either. */
function auditEntries(reportId: string, orgId: string | null, input: ReportInput, s: Submission, files: number, at: Date): AuditEntry[] {
  const detail = { report_id: reportId, category: input.category, clause: input.clause };
  const entries: AuditEntry[] = [{
    orgId: null, action: 'report.received', actor: ACTOR, subject: reportId, requestId: s.requestId, at,
    detail: { ...detail, source: s.source, evidence_files: files, reported_org_id: orgId },
  }];
  if (orgId) entries.push({ orgId, action: 'report.received', actor: ACTOR, subject: reportId, requestId: s.requestId, at, detail });
  return entries;
}
