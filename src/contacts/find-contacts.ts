import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { definitionsOf, lockDefinitions, type Definitions } from './attributes.ts';
import { effectiveConsent, PURPOSES, type StateRow } from './consent-ledger.ts';
import { consentStatesOf, listContacts, type ContactRow } from './contacts-store.ts';
import { attributeKeysOf, compileFilter, parseFilter, parseQueryFilter, QUERY_ATTRIBUTE, type Filter, type ParsedFilter } from './filter.ts';

export type Page = { limit: number; before?: string | undefined };
export type CheckedFilter = { filter: Filter; defs: Definitions };
export type ContactView = ReturnType<typeof contactView>;

/** A contact as the API shows it, with its current consent per purpose (the `all` rule applied). */
export function contactView(c: ContactRow, states: StateRow[]) {
  const consent = Object.fromEntries(PURPOSES.map((purpose) => {
    const current = effectiveConsent(states, purpose);
    return [purpose, current
      ? { state: current.state, record_id: current.record_id, recorded_at: current.recorded_at }
      : { state: 'none', record_id: null, recorded_at: null }];
  }));
  return {
    id: c.id, phone: c.phone_e164, wa_id: c.wa_id, name: c.name, language: c.language, time_zone: c.time_zone,
    attributes: c.attributes, tags: c.tags, consent, last_inbound_at: c.last_inbound_at, created_at: c.created_at, updated_at: c.updated_at,
  };
}

export async function viewsOf(db: Db, orgId: string, rows: ContactRow[]): Promise<ContactView[]> {
  const states = await consentStatesOf(db, orgId, rows.map((r) => r.id));
  return rows.map((r) => contactView(r, states.get(r.id) ?? []));
}

/**
 * Checks a filter from outside (attribute keys against the organization's definitions) or refuses it with
 * every violation. `lock: true` share-locks the definitions for the caller's transaction (saving a segment).
 */
export async function checkFilter(db: Db, orgId: string, keys: string[], parse: (defs: Definitions) => ParsedFilter, lock = false): Promise<CheckedFilter> {
  const defs = lock ? await lockDefinitions(db, orgId, keys) : await definitionsOf(db, orgId, keys);
  const parsed = parse(defs);
  if (!parsed.ok) throw new AppError('validation_failed', { details: parsed.violations });
  return { filter: parsed.filter, defs };
}

export function checkBodyFilter(db: Db, orgId: string, input: unknown, path: string, lock = false) {
  return checkFilter(db, orgId, attributeKeysOf(input), (defs) => parseFilter(input, defs, path), lock);
}

export function checkQueryFilter(db: Db, orgId: string, query: Record<string, unknown>) {
  const keys = Object.keys(query).map((name) => QUERY_ATTRIBUTE.exec(name)?.[1]).filter((k): k is string => k !== undefined);
  return checkFilter(db, orgId, keys, (defs) => parseQueryFilter(query, defs));
}

/** The matching contacts, newest first, one page: what search, lists and segments all return. */
export async function findContacts(db: Db, org: { orgId: string; defaultCountry: string | null }, checked: CheckedFilter, page: Page) {
  const where = compileFilter(checked.filter, { defs: checked.defs, defaultCountry: org.defaultCountry });
  return listContacts(db, org.orgId, where, page);
}
