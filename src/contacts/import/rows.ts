import { isIP } from 'node:net';
import type { ConsentProof, RecordPurpose } from '../consent-ledger.ts';
import { normalizePhone } from '../phone.ts';
import { consentStateOf, consentTextProblem, type AttributeDef, type ResolvedMapping } from './mapping.ts';

/**
 * Turns a batch of CSV records into contacts to upsert, consents to append and rejections, without I/O.
 * Within a batch the last row of a number wins (the earlier ones count as duplicates); across batches the
 * later batch updates the contact the earlier one wrote, so the whole file reads "last row wins".
 */

export type CsvRecord = { row: number; cells: string[] };

export type ImportedContact = {
  row: number;
  phone: string;
  name: string | null;
  language: string | null;
  timeZone: string | null;
  /** JSON of the attribute values this row sets ('{}' for none). */
  attributes: string;
  tags: string[];
  consent: { state: 'opted_in' | 'opted_out'; proof: ConsentProof; capturedAt: Date | undefined } | null;
};

export type Rejection = { row: number; reason: string; cells: string[] };

export type PreparedBatch = { contacts: ImportedContact[]; rejections: Rejection[]; duplicates: number };

export type RowContext = {
  importId: string;
  filename: string;
  defaultCountry: string | undefined;
  businessName: string;
  now: Date;
};

const NAME_MAX = 256;
const TEXT_MAX = 1000;
const TAG_MAX = 64;
const TAGS_MAX = 50;

class RowRejected extends Error {}
const reject = (reason: string): never => { throw new RowRejected(reason); };

export function prepareBatch(records: CsvRecord[], m: ResolvedMapping, ctx: RowContext): PreparedBatch {
  const byPhone = new Map<string, ImportedContact>();
  const rejections: Rejection[] = [];
  let duplicates = 0;
  for (const record of records) {
    let contact: ImportedContact;
    try {
      contact = readRow(record, m, ctx);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejections.push({ row: record.row, reason: error.message, cells: record.cells });
      continue;
    }
    if (byPhone.has(contact.phone)) {
      duplicates += 1;
      byPhone.delete(contact.phone); // re-inserted below: the batch keeps file order of each number's last row
    }
    byPhone.set(contact.phone, contact);
  }
  return { contacts: [...byPhone.values()], rejections, duplicates };
}

function readRow({ row, cells }: CsvRecord, m: ResolvedMapping, ctx: RowContext): ImportedContact {
  if (cells.length !== m.width) reject(`the row has ${cells.length} cells; the header has ${m.width}`);
  const cell = (i: number | null) => (i === null ? '' : cells[i]!.trim());
  const rawPhone = cell(m.phone);
  if (!rawPhone) reject('no phone number');
  const phone = normalizePhone(rawPhone, m.defaultCountry ?? ctx.defaultCountry);
  if (!phone.ok) reject(`invalid phone number "${rawPhone}": ${phone.reason}`);
  const name = cell(m.name).normalize('NFC');
  if (name.length > NAME_MAX) reject(`the name is longer than ${NAME_MAX} characters`);
  const attributes: Record<string, string | number | boolean> = {};
  for (const a of m.attributes) {
    const text = cell(a.index);
    if (text) attributes[a.key] = attributeValue(a.def, text);
  }
  return {
    row,
    phone: (phone as { e164: string }).e164,
    name: name || null,
    language: m.language === null ? null : language(cell(m.language)),
    timeZone: m.timeZone === null ? null : timeZone(cell(m.timeZone)),
    attributes: JSON.stringify(attributes),
    tags: tagsOf(m.tags === null ? '' : cell(m.tags), m.addTags),
    consent: m.consent ? consentOf(row, cells, m.consent, ctx) : null,
  };
}

function attributeValue(def: AttributeDef, text: string): string | number | boolean {
  const wrong = (what: string) => reject(`attribute "${def.key}" must be ${what}; the cell holds "${text.slice(0, 100)}"`);
  switch (def.type) {
    case 'text':
      return text.length <= TEXT_MAX ? text : wrong(`at most ${TEXT_MAX} characters`);
    case 'number':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : wrong('a number');
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', 'yes', 'y', '1'].includes(lower)) return true;
      if (['false', 'no', 'n', '0'].includes(lower)) return false;
      return wrong('true or false');
    }
    case 'date':
      return isCalendarDate(text) ? text : wrong('a date written YYYY-MM-DD');
    case 'enum':
      return def.options!.find((o) => o === text) ?? def.options!.find((o) => o.toLowerCase() === text.toLowerCase()) ?? wrong(`one of ${def.options!.map((o) => JSON.stringify(o)).join(', ')}`);
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

// Few distinct languages and zones recur across a file's rows: each is checked once (Intl is costly).
const languages = new Map<string, string | null>();
const zones = new Map<string, string | null>();

function language(text: string): string | null {
  if (!text) return null;
  let known = languages.get(text);
  if (known === undefined) {
    const tag = text.replace(/_/g, '-');
    known = null;
    if (/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) && tag.length <= 35) {
      try { known = Intl.getCanonicalLocales(tag)[0] ?? null; } catch { /* not a BCP-47 tag: rejected below */ }
    }
    if (languages.size > 1000) languages.clear();
    languages.set(text, known);
  }
  return known ?? reject(`the language "${text.slice(0, 40)}" is not a BCP-47 tag such as "en" or "pt-BR"`);
}

function timeZone(text: string): string | null {
  if (!text) return null;
  let known = zones.get(text);
  if (known === undefined) {
    known = null;
    if (text.length <= 64) {
      try { known = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone; } catch { /* not a zone: rejected below */ }
    }
    if (zones.size > 1000) zones.clear();
    zones.set(text, known);
  }
  return known ?? reject(`the time zone "${text.slice(0, 64)}" is not an IANA zone such as "Europe/Madrid"`);
}

/** Tags as the contacts API stores them: NFC, trimmed, inner spaces collapsed, lower case, no control characters. */
function tagsOf(text: string, extra: string[]): string[] {
  const tags: string[] = [];
  for (const raw of [...(text ? text.split(/[,;|]/) : []), ...extra]) {
    const tag = raw.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
    if (!tag) continue;
    if (tag.length > TAG_MAX) reject(`the tag "${tag.slice(0, 20)}…" is longer than ${TAG_MAX} characters`);
    if (/[\p{Cc}\p{Cf}]/u.test(tag)) reject('a tag holds control or invisible characters');
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > TAGS_MAX) reject(`more than ${TAGS_MAX} tags`);
  return tags;
}

function consentOf(row: number, cells: string[], c: NonNullable<ResolvedMapping['consent']>, ctx: RowContext): ImportedContact['consent'] {
  const read = (f: { index: number } | { value: string } | null) => (f === null ? '' : 'value' in f ? f.value : cells[f.index]!.trim());
  const stateText = read(c.state);
  const state = consentStateOf(stateText);
  if (state === undefined) reject(`the consent state "${stateText.slice(0, 40)}" is not opted_in or opted_out (or yes / no)`);
  if (state === '') return null;
  const text = read(c.text);
  if (state === 'opted_in') {
    const problem = remembered(textProblems, `${ctx.businessName}\u0000${text}`, () => consentTextProblem(text, ctx.businessName));
    if (problem) reject(problem);
  }
  const url = read(c.url);
  if (url && !remembered(httpUrls, url, () => isHttpUrl(url))) reject(`the consent URL "${url.slice(0, 100)}" is not an http(s) URL`);
  const ip = c.ip === null ? '' : cells[c.ip]!.trim();
  if (ip && isIP(ip) === 0) reject(`the consent IP "${ip.slice(0, 64)}" is not an IP address`);
  let capturedAt: Date | undefined;
  const at = c.capturedAt === null ? '' : cells[c.capturedAt]!.trim();
  if (at) {
    capturedAt = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(at) ? new Date(at.length === 10 ? `${at}T00:00:00Z` : at) : new Date(NaN);
    if (Number.isNaN(capturedAt.getTime())) reject(`the consent time "${at.slice(0, 40)}" is not an ISO 8601 date or time`);
    if (capturedAt.getTime() > ctx.now.getTime() + 60_000) reject(`the consent time "${at}" is in the future`);
  }
  const collectedVia = read(c.source);
  const proof: ConsentProof = { import_id: ctx.importId, import_file: ctx.filename, import_row: row };
  if (text) proof.text = text;
  if (url) proof.url = url;
  if (ip) proof.ip = ip;
  if (collectedVia) proof.collected_via = collectedVia;
  return { state: state as 'opted_in' | 'opted_out', proof, capturedAt };
}

// A file's rows mostly repeat the same consent text and form URL: each distinct one is checked once per import.
const textProblems = new Map<string, string | null>();
const httpUrls = new Map<string, boolean>();

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key)!;
  const value = compute();
  if (cache.size >= 1000) cache.clear();
  cache.set(key, value);
  return value;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The purposes whose current state an import's opt-in must not overturn. */
export function guardedPurposes(purpose: RecordPurpose): RecordPurpose[] {
  return purpose === 'all' ? ['marketing', 'utility', 'authentication'] : [purpose];
}
