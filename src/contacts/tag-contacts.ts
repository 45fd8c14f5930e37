import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { AppError } from '../lib/app-error.ts';
import { normalizeTags, TAGS_PER_CONTACT, type Violation } from './contact-fields.ts';
import { retagContacts } from './contacts-store.ts';
import { checkBodyFilter } from './find-contacts.ts';
import { compileFilter } from './filter.ts';

export type TagChange = { contact_ids?: string[]; filter?: unknown; add?: string[]; remove?: string[] };

/**
 * Adds and removes tags on the named contacts or on every contact a filter matches, in one statement.
 * Unknown ids (and other organizations' contacts) are not matched; `changed` counts contacts whose tags changed.
 */
export async function tagContacts(db: Db, org: { orgId: string; defaultCountry: string }, input: TagChange) {
  const violations: Violation[] = [];
  if ((input.contact_ids === undefined) === (input.filter === undefined)) violations.push({ path: 'body', message: 'must have either contact_ids or filter' });
  const add = normalizeTags(input.add ?? [], 'body.add', TAGS_PER_CONTACT);
  const remove = normalizeTags(input.remove ?? [], 'body.remove', TAGS_PER_CONTACT);
  violations.push(...add.violations, ...remove.violations);
  if (add.tags.length + remove.tags.length === 0 && violations.length === 0) violations.push({ path: 'body', message: 'must add or remove at least one tag' });
  const both = add.tags.filter((t) => remove.tags.includes(t));
  if (both.length > 0) violations.push({ path: 'body.remove', message: `cannot also add ${both.map((t) => JSON.stringify(t)).join(', ')}` });
  if (violations.length > 0) throw new AppError('validation_failed', { details: violations });

  const where = input.contact_ids !== undefined ? sql`c.id = ANY(${input.contact_ids}::text[])` : await whereOf(db, org, input.filter);
  const result = await retagContacts(db, org.orgId, where, { add: add.tags, remove: remove.tags }, TAGS_PER_CONTACT);
  if (result.over_limit > 0) {
    throw new AppError('tag_limit_exceeded', {
      message: `${result.over_limit} of the matched contacts would have more than ${TAGS_PER_CONTACT} tags; nothing was changed.`,
      details: { contacts_over_limit: result.over_limit, max_tags: TAGS_PER_CONTACT },
    });
  }
  return { matched: result.matched, changed: result.changed };
}

async function whereOf(db: Db, org: { orgId: string; defaultCountry: string }, input: unknown) {
  const { filter, defs } = await checkBodyFilter(db, org.orgId, input, 'body.filter');
  return compileFilter(filter, { defs, defaultCountry: org.defaultCountry });
}
