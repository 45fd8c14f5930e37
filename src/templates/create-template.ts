import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { deleteDraft, insertDraft, listAccounts, type TemplateRow } from './store.ts';
import { submitTemplate } from './submit-template.ts';
import { validateTemplate, type TemplateDefinition, type TemplateViolation } from './validate-template.ts';

export type CreateTemplateInput = TemplateDefinition & { account_id?: string; submit?: boolean };

const CORE_FIELDS = new Set(['name', 'language', 'category', 'parameter_format', 'components']);

/**
 * Stores a template as a DRAFT once it passes every rule Meta reviews on (nothing is written otherwise), and
 * submits it at once with `submit: true` — a refused submission then leaves nothing behind either.
 */
export async function createTemplate(deps: Deps, orgId: string, input: CreateTemplateInput, by: AuditBy): Promise<TemplateRow> {
  const { account_id: accountRef, submit, ...definition } = input;
  assertValid(definition);
  const accountId = await chooseAccount(deps, orgId, accountRef);
  const draft = await deps.db.transaction(async (tx) => {
    const row = await insertDraft(tx, orgId, {
      id: newId('template'), accountId, name: definition.name, language: definition.language, category: definition.category,
      parameterFormat: definition.parameter_format ?? 'POSITIONAL', components: definition.components, options: optionsOf(definition),
    });
    // What identifies the template, not its text: the template and its history keep that.
    if (row) await recordAudit(tx, { orgId, action: 'template.created', actor: by.actor, requestId: by.requestId, subject: row.id, detail: { name: row.name, language: row.language, category: row.category } });
    return row;
  });
  if (!draft) throw new AppError('template_exists', { details: [{ path: 'body.name', message: `"${definition.name}" exists in ${definition.language} on this account` }] });
  if (!submit) return draft;
  try {
    return await submitTemplate(deps, orgId, draft.id, by);
  } catch (err) {
    // The log is append-only: the draft's creation stays in it, and so does its removal.
    await deps.db.transaction(async (tx) => {
      await deleteDraft(tx, orgId, draft.id);
      await recordAudit(tx, { orgId, action: 'template.deleted', actor: by.actor, requestId: by.requestId, subject: draft.id, detail: { name: draft.name, language: draft.language, reason: 'submission_refused' } });
    });
    throw err;
  }
}


/** 400 with every violation, its path (under `body`) and rule, in the order an author would fix them. */
export function assertValid(definition: unknown): void {
  const violations = validateTemplate(definition);
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations.map(asDetail) });
}

function asDetail(v: TemplateViolation) {
  return { path: v.path ? `body.${v.path}` : 'body', rule: v.rule, message: v.message };
}

/** Create fields beyond the core ones (allow_category_change, message_send_ttl_seconds…), sent to Meta as given. */
export function optionsOf(definition: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(definition).filter(([key, value]) => !CORE_FIELDS.has(key) && value !== undefined));
}

async function chooseAccount(deps: Deps, orgId: string, ref: string | undefined): Promise<string> {
  const accounts = await listAccounts(deps.db, orgId);
  if (ref) {
    const account = accounts.find((a) => a.id === ref || a.waba_id === ref);
    if (!account) throw new AppError('not_found', { message: 'No such WhatsApp account.', details: [{ path: 'body.account_id' }] });
    return account.id;
  }
  if (accounts.length === 0) throw new AppError('no_phone_number');
  if (accounts.length > 1) throw new AppError('account_required');
  return accounts[0]!.id;
}
