import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import type { Violation } from './contact-fields.ts';

/**
 * The custom fields an organization defines for its contacts, and the check of a contact's values against
 * them. Values are stored in `contacts.attributes` as JSON: text and enum as strings, number as a JSON
 * number, boolean as a JSON boolean, date as "YYYY-MM-DD".
 */

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeDefinition = { key: string; label: string; type: AttributeType; options: string[] | null; created_at: Date };
export type Definitions = Map<string, AttributeDefinition>;

export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
export const TEXT_MAX_LENGTH = 1000;
export const DEFINITIONS_PER_ORG = 100;

export type AttributeValue = string | number | boolean;

/** Checks one value against its definition; returns the value as stored or why it does not fit. */
export function checkValue(def: Pick<AttributeDefinition, 'type' | 'options'>, value: unknown): { ok: true; value: AttributeValue } | { ok: false; reason: string } {
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return { ok: false, reason: 'must be a string' };
      if (value.length > TEXT_MAX_LENGTH) return { ok: false, reason: `must be at most ${TEXT_MAX_LENGTH} characters` };
      return { ok: true, value };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, reason: 'must be a number' };
      return { ok: true, value };
    case 'boolean':
      if (typeof value !== 'boolean') return { ok: false, reason: 'must be true or false' };
      return { ok: true, value };
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) return { ok: false, reason: 'must be a date written YYYY-MM-DD' };
      return { ok: true, value };
    case 'enum':
      if (typeof value !== 'string' || !def.options!.includes(value)) return { ok: false, reason: `must be one of ${def.options!.map((o) => JSON.stringify(o)).join(', ')}` };
      return { ok: true, value };
  }
}

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Checks a contact's attribute values: every key must be defined and every value fit its type. `null`
 * means "remove this attribute" (returned in `removed`), so an update can clear one field.
 */
export function checkAttributes(defs: Definitions, input: Record<string, unknown>, path: string) {
  const values: Record<string, AttributeValue> = {};
  const removed: string[] = [];
  const violations: Violation[] = [];
  for (const [key, value] of Object.entries(input)) {
    const at = `${path}.${key}`;
    const def = defs.get(key);
    if (!def) {
      violations.push({ path: at, message: 'is not a defined attribute (define it with POST /v1/contact-attributes)' });
      continue;
    }
    if (value === null) {
      removed.push(key);
      continue;
    }
    const checked = checkValue(def, value);
    if (checked.ok) values[key] = checked.value;
    else violations.push({ path: at, message: checked.reason });
  }
  return { values, removed, violations };
}

const definitionColumns = sql`key, label, type, options, created_at`;

export function listDefinitions(db: Db, orgId: string) {
  return db.query<AttributeDefinition>(sql`SELECT ${definitionColumns} FROM contact_attributes WHERE org_id = ${orgId} ORDER BY key`);
}

/** The definitions of these keys (for reading: searches and segment resolution). */
export async function definitionsOf(db: Db, orgId: string, keys: string[]): Promise<Definitions> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<AttributeDefinition>(sql`
    SELECT ${definitionColumns} FROM contact_attributes WHERE org_id = ${orgId} AND key = ANY(${keys}::text[])`);
  return new Map(rows.map((d) => [d.key, d]));
}

/**
 * The definitions of these keys, share-locked for the rest of the caller's transaction (for writing): a
 * definition cannot be deleted, and its values stripped, between checking a value against it and storing it.
 */
export async function lockDefinitions(tx: Db, orgId: string, keys: string[]): Promise<Definitions> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<AttributeDefinition>(sql`
    SELECT ${definitionColumns} FROM contact_attributes WHERE org_id = ${orgId} AND key = ANY(${keys}::text[]) ORDER BY key FOR SHARE`);
  return new Map(rows.map((d) => [d.key, d]));
}

export type NewDefinition = { key: string; label?: string; type: AttributeType; options?: string[] };

export async function createDefinition(db: Db, orgId: string, input: NewDefinition): Promise<AttributeDefinition> {
  const violations: Violation[] = [];
  if (input.type === 'enum' && !input.options) violations.push({ path: 'body.options', message: 'is required for an enum attribute' });
  if (input.type !== 'enum' && input.options) violations.push({ path: 'body.options', message: 'is only allowed for an enum attribute' });
  const options = input.options?.map((o) => o.trim());
  options?.forEach((o, i) => {
    if (o.length === 0) violations.push({ path: `body.options.${i}`, message: 'must not be empty' });
    else if (options.indexOf(o) !== i) violations.push({ path: `body.options.${i}`, message: 'repeats an earlier option' });
  });
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });
  const created = await one<AttributeDefinition>(db, sql`
    INSERT INTO contact_attributes (org_id, key, label, type, options)
    SELECT ${orgId}, ${input.key}, ${input.label?.trim() || input.key}, ${input.type}, ${options ?? null}::text[]
    WHERE (SELECT count(*) FROM contact_attributes WHERE org_id = ${orgId}) < ${DEFINITIONS_PER_ORG}
    ON CONFLICT (org_id, key) DO NOTHING
    RETURNING ${definitionColumns}`);
  if (created) return created;
  const exists = await one(db, sql`SELECT 1 FROM contact_attributes WHERE org_id = ${orgId} AND key = ${input.key}`);
  if (exists) throw new AppError('conflict', { message: `An attribute with the key "${input.key}" already exists.`, details: [{ path: 'body.key', message: 'is taken' }] });
  throw new AppError('validation_failed', { message: `An organization can define at most ${DEFINITIONS_PER_ORG} attributes.`, details: [{ path: 'body', message: 'too many attributes' }] });
}

/**
 * Deletes a definition and strips its values from every contact, in one transaction: a later definition
 * with the same key starts empty and may have another type. Refused while a segment's filter uses the key,
 * since the segment would silently change meaning under a campaign.
 */
export function deleteDefinition(db: Db, orgId: string, key: string): Promise<{ contactsCleared: number }> {
  return db.transaction(async (tx) => {
    const deleted = await one(tx, sql`DELETE FROM contact_attributes WHERE org_id = ${orgId} AND key = ${key} RETURNING key`);
    if (!deleted) throw new AppError('not_found', { message: 'No such contact attribute.' });
    const users = await tx.query<{ id: string; name: string }>(sql`
      SELECT id, name FROM segments
      WHERE org_id = ${orgId} AND jsonb_path_exists(filter, '$.** ? (@.attribute == $key)', jsonb_build_object('key', ${key}::text))
      ORDER BY id LIMIT 20`);
    if (users.length > 0) {
      throw new AppError('attribute_in_use', {
        message: `Segments filter on "${key}": change or delete them first.`,
        details: { segments: users },
      });
    }
    const cleared = await one<{ n: number }>(tx, sql`
      WITH cleared AS (
        UPDATE contacts SET attributes = attributes - ${key}::text, updated_at = now()
        WHERE org_id = ${orgId} AND attributes ? ${key}::text RETURNING 1)
      SELECT count(*)::int AS n FROM cleared`);
    return { contactsCleared: cleared!.n };
  });
}
