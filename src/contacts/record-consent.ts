import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { appendConsents, type ConsentProof, type ConsentRecord, type ConsentState, type NewConsent, type RecordPurpose, type Source } from './consent-ledger.ts';
import { loadConsentSettings } from './consent-settings.ts';
import { normalizePhone } from './phone.ts';

/** Sources a tenant may record through the API; the others are the platform's own (keywords it saw, Meta's errors…). */
export const API_SOURCES = ['web_form', 'keyword', 'import', 'api', 'click_to_whatsapp', 'agent'] as const satisfies readonly Source[];
// Where the customer agreed to a text somebody showed them, that text is the proof and must say who and where.
const SHOWN_TEXT_SOURCES: readonly string[] = ['web_form', 'import', 'api', 'agent'];

export type ConsentInput = {
  contact_id?: string;
  phone?: string;
  purpose: RecordPurpose;
  state: ConsentState;
  source: (typeof API_SOURCES)[number];
  proof?: ConsentProof;
  captured_at?: string;
};

/**
 * Records consent given to the organization (from its API or dashboard): every record is checked first and
 * none is written unless all pass. An opt-in a customer gave to a shown text must carry that text, and it
 * must name the business and WhatsApp (AUP 2: explicit consent); one given by writing to the business must
 * carry their message.
 */
export async function recordConsents(
  db: Db, org: { orgId: string; defaultCountry: string }, inputs: ConsentInput[], actor: string, now: Date, pathOf: (i: number) => string,
  requestId?: string,
) {
  const business = (await loadConsentSettings(db, org.orgId)).business_name;
  const violations: { path: string; message: string }[] = [];
  const phones = new Map<number, string>();
  inputs.forEach((input, i) => {
    const path = pathOf(i);
    if (!input.contact_id === !input.phone) violations.push({ path, message: 'name the contact with exactly one of contact_id or phone' });
    if (input.phone) {
      const phone = normalizePhone(input.phone, org.defaultCountry);
      if (phone.ok) phones.set(i, phone.e164);
      else violations.push({ path: `${path}.phone`, message: phone.reason });
    }
    if (input.captured_at && Date.parse(input.captured_at) > now.getTime() + 60_000) {
      violations.push({ path: `${path}.captured_at`, message: 'is in the future' });
    }
    if (input.state === 'opted_in') violations.push(...proofViolations(input, business, `${path}.proof`));
  });
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });

  return db.transaction(async (tx) => {
    const contactIds = await resolveContacts(tx, org.orgId, inputs, phones, pathOf);
    const records: NewConsent[] = inputs.map((input, i) => ({
      contactId: contactIds[i]!, purpose: input.purpose, state: input.state, source: input.source, proof: input.proof ?? {}, actor,
      ...(input.captured_at ? { capturedAt: new Date(input.captured_at) } : {}),
    }));
    const appended = await appendConsents(tx, org.orgId, records, now);
    // One entry per call, not per record: the ledger itself is the per-record history.
    const contacts = [...new Set(appended.map((r) => r.contact_id))];
    await recordAudit(tx, {
      orgId: org.orgId, action: 'consent.recorded', actor, requestId, at: now, subject: contacts.length === 1 ? contacts[0]! : null,
      detail: {
        records: appended.length, opted_in: appended.filter((r) => r.state === 'opted_in').length, opted_out: appended.filter((r) => r.state === 'opted_out').length,
        purposes: [...new Set(appended.map((r) => r.purpose))].sort(), ledger_seq: { first: appended[0]!.seq, last: appended[appended.length - 1]!.seq }, contact_ids: contacts,
      },
    });
    return appended;
  });
}

export function proofViolations(input: Pick<ConsentInput, 'source' | 'proof'>, business: string, path: string) {
  const proof = input.proof ?? {};
  const out: { path: string; message: string }[] = [];
  if (SHOWN_TEXT_SOURCES.includes(input.source)) {
    const text = typeof proof.text === 'string' ? proof.text : '';
    if (!text) out.push({ path: `${path}.text`, message: 'an opt-in needs the exact text the customer agreed to' });
    else {
      if (!/whatsapp/i.test(text)) out.push({ path: `${path}.text`, message: 'the consent text must say the messages come on WhatsApp' });
      if (!text.toLowerCase().includes(business.toLowerCase())) out.push({ path: `${path}.text`, message: `the consent text must name the business ("${business}")` });
    }
  } else if (!proof.text && !proof.wamid && !proof.message_id) {
    out.push({ path, message: 'an opt-in the customer gave by writing needs their message (text, wamid or message_id)' });
  }
  return out;
}

async function resolveContacts(tx: Db, orgId: string, inputs: ConsentInput[], phones: Map<number, string>, pathOf: (i: number) => string): Promise<string[]> {
  const named = [...new Set(inputs.flatMap((x) => (x.contact_id ? [x.contact_id] : [])))];
  const known = new Set((await tx.query<{ id: string }>(sql`
    SELECT id FROM contacts WHERE org_id = ${orgId} AND id = ANY(${named}::text[]) AND erased_at IS NULL`)).map((r) => r.id));
  const missing = inputs.flatMap((x, i) => (x.contact_id && !known.has(x.contact_id) ? [{ path: `${pathOf(i)}.contact_id`, message: 'no such contact' }] : []));
  if (missing.length > 0) throw new AppError('not_found', { message: 'No such contact.', details: missing });
  const numbers = [...new Set(phones.values())];
  const byPhone = new Map<string, string>();
  if (numbers.length > 0) {
    for (const c of await tx.query<{ id: string; phone_e164: string }>(sql`
      INSERT INTO contacts (org_id, id, phone_e164)
      SELECT ${orgId}, v.id, v.phone FROM unnest(${numbers.map(() => newId('contact'))}::text[], ${numbers}::text[]) AS v(id, phone)
      ON CONFLICT (org_id, phone_e164) DO UPDATE SET updated_at = contacts.updated_at RETURNING id, phone_e164`)) {
      byPhone.set(c.phone_e164, c.id);
    }
  }
  return inputs.map((x, i) => x.contact_id ?? byPhone.get(phones.get(i)!)!);
}

export type { ConsentRecord };
