import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { checkAttributes, lockDefinitions, type AttributeValue } from './attributes.ts';
import { normalizeLanguage, normalizeName, normalizeTags, normalizeTimeZone, type Violation } from './contact-fields.ts';
import { findPhoneHolder, hasConsentRecords, insertContact, lockContact, updateContactRow, type ContactFields, type ContactRow } from './contacts-store.ts';
import { normalizePhone } from './phone.ts';

export type ContactInput = {
  phone?: string;
  name?: string | null;
  language?: string | null;
  time_zone?: string | null;
  /** Values checked against the organization's definitions; null removes one. */
  attributes?: Record<string, unknown>;
  /** The whole list (replaces the current one); normalized, duplicates dropped. */
  tags?: string[];
};

type Org = { orgId: string; defaultCountry: string };

/** Creates a contact, or refuses with every violation; a number already held answers 409 with its contact. */
export async function createContact(db: Db, org: Org, input: ContactInput & { phone: string }): Promise<ContactRow> {
  const created = await db.transaction(async (tx) => {
    const fields = await checkInput(tx, org, input, { phone_e164: '', name: null, language: null, time_zone: null, attributes: {}, tags: [] });
    return { fields, row: await insertContact(tx, org.orgId, newId('contact'), fields) };
  });
  if (!created.row) throw await numberTaken(db, org.orgId, created.fields.phone_e164);
  return created.row;
}

/**
 * Changes a contact. A new number is refused once consent was recorded or the customer wrote: that consent
 * and that conversation belong to the old number, so they must not carry over (create a new contact).
 */
export async function updateContact(db: Db, org: Org, id: string, input: ContactInput): Promise<ContactRow> {
  try {
    return await db.transaction(async (tx) => {
      const current = await lockContact(tx, org.orgId, id);
      if (!current) throw new AppError('not_found', { message: 'No such contact.' });
      const fields = await checkInput(tx, org, input, current);
      const phoneChanged = fields.phone_e164 !== current.phone_e164;
      if (phoneChanged) {
        if (current.last_inbound_at || (await hasConsentRecords(tx, org.orgId, id))) {
          throw new AppError('phone_change_not_allowed', { details: [{ path: 'body.phone', message: 'the contact already has consent records or messages from its number' }] });
        }
        const holder = await findPhoneHolder(tx, org.orgId, fields.phone_e164);
        if (holder) throw numberTakenBy(holder);
      }
      // A different number is a different WhatsApp account: the old wa_id no longer applies.
      return (await updateContactRow(tx, org.orgId, id, { ...fields, wa_id: phoneChanged ? null : current.wa_id }))!;
    });
  } catch (error) {
    // Another request took the number between the check and the update.
    if (isUniqueViolation(error) && input.phone !== undefined) {
      const normalized = normalizePhone(input.phone, org.defaultCountry);
      if (normalized.ok) throw await numberTaken(db, org.orgId, normalized.e164);
    }
    throw error;
  }
}

/** Normalizes every given field over the current ones, collecting all violations before refusing. */
async function checkInput(tx: Db, org: Org, input: ContactInput, current: ContactFields): Promise<ContactFields> {
  const violations: Violation[] = [];
  const fields: ContactFields = { ...current, attributes: { ...current.attributes } };
  let phoneReason: string | null = null;
  if (input.phone !== undefined) {
    const phone = normalizePhone(input.phone, org.defaultCountry);
    if (phone.ok) fields.phone_e164 = phone.e164;
    else violations.push({ path: 'body.phone', message: (phoneReason = phone.reason) });
  }
  const optional = <K extends 'name' | 'language' | 'time_zone'>(key: K, check: (raw: string) => { ok: true; value: string } | { ok: false; reason: string }) => {
    const raw = input[key];
    if (raw === undefined) return;
    if (raw === null) return void (fields[key] = null);
    const result = check(raw);
    if (result.ok) fields[key] = result.value;
    else violations.push({ path: `body.${key}`, message: result.reason });
  };
  optional('name', (raw) => { const r = normalizeName(raw); return r.ok ? { ok: true, value: r.name } : r; });
  optional('language', (raw) => { const r = normalizeLanguage(raw); return r.ok ? { ok: true, value: r.language } : r; });
  optional('time_zone', (raw) => { const r = normalizeTimeZone(raw); return r.ok ? { ok: true, value: r.timeZone } : r; });
  if (input.tags !== undefined) {
    const tags = normalizeTags(input.tags, 'body.tags');
    fields.tags = tags.tags;
    violations.push(...tags.violations);
  }
  if (input.attributes !== undefined) {
    const defs = await lockDefinitions(tx, org.orgId, Object.keys(input.attributes));
    const checked = checkAttributes(defs, input.attributes, 'body.attributes');
    violations.push(...checked.violations);
    Object.assign(fields.attributes, checked.values);
    for (const key of checked.removed) delete (fields.attributes as Record<string, AttributeValue>)[key];
  }
  if (phoneReason) throw new AppError('invalid_phone_number', { message: phoneReason, details: violations });
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });
  return fields;
}

async function numberTaken(db: Db, orgId: string, phoneE164: string): Promise<AppError> {
  const holder = await findPhoneHolder(db, orgId, phoneE164);
  return holder ? numberTakenBy(holder) : new AppError('contact_already_exists');
}

function numberTakenBy(holder: { id: string; erased: boolean }): AppError {
  // An erased contact is gone to the API: its id is not shown.
  return new AppError('contact_already_exists', {
    ...(holder.erased ? { message: 'This number belonged to a contact that was erased.' } : {}),
    details: { contact_id: holder.erased ? null : holder.id, path: 'body.phone' },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
