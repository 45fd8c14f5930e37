import { recordAudits, type AuditEntry } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { recordSignals } from '../contacts/consent-policy.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { categoryLabel } from './categories.ts';
import type { ReportCategory } from './categories.ts';
import { normalizeReference } from './reference.ts';
import { closeReport, findReportByReference } from './store.ts';

export const MAX_OUTCOME = 2000;

/**
 * An operator decides a report: it is closed with the outcome, the reporter is written to (when they gave an
 * email), and the decision enters the audit log — one transaction. A report is decided once; cases (issue 8
 * item 6) will carry investigations that need more than one step.
 */
export async function recordReportOutcome(db: Db, input: {
  reference: string; outcome: string; actor: string; now: Date; publicUrl: string | undefined;
  /** The operator found the violation real: it then counts in the organization's standing (decision 0022). */
  confirmed?: boolean;
}): Promise<{ id: string; reference: string; emailed: boolean }> {
  const outcome = input.outcome.trim();
  if (!outcome || outcome.length > MAX_OUTCOME) {
    throw new AppError('validation_failed', { message: `The outcome must be 1 to ${MAX_OUTCOME} characters.` });
  }
  const reference = normalizeReference(input.reference);
  const report = reference ? await findReportByReference(db, reference) : undefined;
  if (!report) throw new AppError('not_found', { message: `No report ${input.reference}.` });
  const closed = () => new AppError('conflict', { message: `Report ${report.reference} already has an outcome (${report.outcome_at?.toISOString() ?? 'just now'}).` });
  if (report.status === 'closed') throw closed();

  await db.transaction(async (tx) => {
    if (!(await closeReport(tx, report.id, outcome, input.actor, input.now))) throw closed();
    if (report.reporter_email) {
      const statusUrl = input.publicUrl ? `${input.publicUrl.replace(/\/+$/, '')}/report/${report.reference}` : null;
      const body = [
        `Your report ${report.reference} (${categoryLabel(report.category as ReportCategory)}), received on ${report.created_at.toISOString().slice(0, 10)}, has been decided.`,
        '',
        outcome,
        '',
        ...(statusUrl ? [`Its page: ${statusUrl}`] : []),
        'Thank you for helping keep WhatsApp messaging on Xpecto within its Acceptable Use Policy.',
      ].join('\n');
      await tx.query(sql`
        INSERT INTO email_outbox (id, org_id, to_address, subject, body, kind, created_at)
        VALUES (${newId('email')}, NULL, ${report.reporter_email}, ${`Outcome of your report ${report.reference}`}, ${body}, 'report.outcome', ${input.now})`);
    }
    const entries: AuditEntry[] = [{
      orgId: null, action: 'report.outcome_recorded', actor: input.actor, subject: report.id, at: input.now,
      detail: { report_id: report.id, outcome, confirmed: Boolean(input.confirmed), reporter_notified: Boolean(report.reporter_email), reported_org_id: report.org_id },
    }];
    // The organization's own chain records that its report was decided, not the words written to the reporter.
    if (report.org_id) entries.push({ orgId: report.org_id, action: 'report.outcome_recorded', actor: input.actor, subject: report.id, at: input.now, detail: { report_id: report.id, category: report.category, confirmed: Boolean(input.confirmed) } });
    if (input.confirmed && report.org_id) {
      await recordSignals(tx, report.org_id, [{ kind: 'violation_report', clause: report.clause, detail: { report_id: report.id, category: report.category, confirmed: true } }], input.now);
    }
    await recordAudits(tx, entries);
  });
  return { id: report.id, reference: report.reference, emailed: Boolean(report.reporter_email) };
}
