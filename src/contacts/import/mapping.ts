import type { RecordPurpose } from '../consent-ledger.ts';

/**
 * What an import reads from which column. The mapping names columns by their header text; it is checked
 * against the file's header (and the organization's attribute definitions) before any row is read, and
 * resolved to column indexes for the worker.
 */

export type Violation = { path: string; message: string };

/** A consent field comes from a column of each row, or is the same for every row. */
export type Source = { column: string } | { value: string };

export type ColumnMapping = {
  phone: string;
  name?: string;
  language?: string;
  time_zone?: string;
  /** A column of tags separated by `,` `;` or `|`. */
  tags?: string;
  /** Tags given to every imported contact. */
  add_tags?: string[];
  /** attribute key → column; `"attributes.city": "City"` at the top level is read the same way. */
  attributes?: Record<string, string>;
  /** How national numbers are read; the organization's country when absent. */
  default_country?: string;
  delimiter?: string;
};

export type ConsentMapping = {
  purpose: RecordPurpose;
  state: Source;
  /** How the business collected the consent (a web form, a paper form, a shop's till…): kept in the proof. */
  source?: Source;
  captured_at?: { column: string };
  text?: Source;
  url?: Source;
  ip?: { column: string };
};

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'enum';
export type AttributeDef = { key: string; type: AttributeType; options: string[] | null };

type Field = { index: number } | { value: string } | null;

/** The mapping with every column replaced by its index in the header. */
export type ResolvedMapping = {
  width: number;
  phone: number;
  name: number | null;
  language: number | null;
  timeZone: number | null;
  tags: number | null;
  addTags: string[];
  attributes: { key: string; index: number; def: AttributeDef }[];
  defaultCountry: string | undefined;
  consent: null | {
    purpose: RecordPurpose;
    state: Field;
    source: Field;
    capturedAt: number | null;
    text: Field;
    url: Field;
    ip: number | null;
  };
};

export const DELIMITERS = [',', ';', '\t', '|'];
const PURPOSES: RecordPurpose[] = ['marketing', 'utility', 'authentication', 'all'];
const MAPPING_KEYS = new Set(['phone', 'name', 'language', 'time_zone', 'tags', 'add_tags', 'attributes', 'default_country', 'delimiter']);
const CONSENT_KEYS = new Set(['purpose', 'state', 'source', 'captured_at', 'text', 'url', 'ip']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the `mapping` form field: its shape only (columns are checked against the header later). */
export function readColumnMapping(raw: string | undefined): { mapping: ColumnMapping | null; violations: Violation[] } {
  const v: Violation[] = [];
  const parsed = parseJson(raw, 'mapping', v);
  if (parsed === undefined) {
    if (raw === undefined) v.push({ path: 'mapping', message: 'is required: a JSON object naming the phone column, e.g. {"phone":"Phone"}' });
    return { mapping: null, violations: v };
  }
  if (!isObject(parsed)) return { mapping: null, violations: [{ path: 'mapping', message: 'must be a JSON object' }] };
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key.startsWith('attributes.')) {
      if (typeof value !== 'string') v.push({ path: `mapping.${key}`, message: 'must name a column' });
      else attributes[key.slice('attributes.'.length)] = value;
    } else if (!MAPPING_KEYS.has(key)) v.push({ path: `mapping.${key}`, message: 'is not a mapping field' });
  }
  for (const key of ['phone', 'name', 'language', 'time_zone', 'tags', 'default_country', 'delimiter'] as const) {
    if (parsed[key] !== undefined && typeof parsed[key] !== 'string') v.push({ path: `mapping.${key}`, message: 'must be a string' });
  }
  if (typeof parsed['phone'] !== 'string') v.push({ path: 'mapping.phone', message: 'is required: the column holding the phone number' });
  if (parsed['attributes'] !== undefined) {
    if (!isObject(parsed['attributes'])) v.push({ path: 'mapping.attributes', message: 'must map attribute keys to columns' });
    else for (const [key, column] of Object.entries(parsed['attributes'])) {
      if (typeof column !== 'string') v.push({ path: `mapping.attributes.${key}`, message: 'must name a column' });
      else attributes[key] = column;
    }
  }
  const addTags = parsed['add_tags'];
  if (addTags !== undefined && (!Array.isArray(addTags) || addTags.length > 20 || !addTags.every((t) => typeof t === 'string' && t.trim().length > 0 && t.length <= 64))) {
    v.push({ path: 'mapping.add_tags', message: 'must be a list of up to 20 tags' });
  }
  const country = parsed['default_country'];
  if (typeof country === 'string' && !/^[A-Z]{2}$/.test(country)) v.push({ path: 'mapping.default_country', message: 'must be an ISO 3166 country code such as "US"' });
  const delimiter = parsed['delimiter'];
  if (typeof delimiter === 'string' && !DELIMITERS.includes(delimiter)) v.push({ path: 'mapping.delimiter', message: 'must be one of , ; | or a tab' });
  if (v.length > 0) return { mapping: null, violations: v };
  return { mapping: { ...(parsed as ColumnMapping), attributes }, violations: [] };
}

/** Reads the optional `consent` form field. */
export function readConsentMapping(raw: string | undefined): { consent: ConsentMapping | null; violations: Violation[] } {
  if (raw === undefined) return { consent: null, violations: [] };
  const v: Violation[] = [];
  const parsed = parseJson(raw, 'consent', v);
  if (parsed === undefined) return { consent: null, violations: v };
  if (!isObject(parsed)) return { consent: null, violations: [{ path: 'consent', message: 'must be a JSON object' }] };
  for (const key of Object.keys(parsed)) if (!CONSENT_KEYS.has(key)) v.push({ path: `consent.${key}`, message: 'is not a consent mapping field' });
  if (!PURPOSES.includes(parsed['purpose'] as RecordPurpose)) v.push({ path: 'consent.purpose', message: `must be one of ${PURPOSES.join(', ')}` });
  const source = (key: string, columnOnly = false) => {
    const s = parsed[key];
    if (s === undefined) return;
    const ok = isObject(s) && Object.keys(s).length === 1 && (typeof s['column'] === 'string' || (!columnOnly && typeof s['value'] === 'string'));
    if (!ok) v.push({ path: `consent.${key}`, message: columnOnly ? 'must be {"column": "…"}' : 'must be {"column": "…"} or {"value": "…"}' });
  };
  for (const key of ['state', 'source', 'text', 'url']) source(key);
  for (const key of ['captured_at', 'ip']) source(key, true);
  if (parsed['state'] === undefined) v.push({ path: 'consent.state', message: 'is required: {"column": "…"} or {"value": "opted_in"}' });
  const state = parsed['state'];
  if (isObject(state) && typeof state['value'] === 'string' && consentStateOf(state['value']) === undefined) {
    v.push({ path: 'consent.state.value', message: 'must be opted_in or opted_out' });
  }
  if (v.length > 0) return { consent: null, violations: v };
  return { consent: parsed as ConsentMapping, violations: [] };
}

function parseJson(raw: string | undefined, path: string, v: Violation[]): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    v.push({ path, message: 'is not valid JSON' });
    return undefined;
  }
}

/**
 * Checks the mapping against the file's header and the organization's attributes: every named column
 * must be in the header exactly once, every attribute defined. Nothing is written until this passes.
 */
export function resolveMapping(
  header: string[], mapping: ColumnMapping, consent: ConsentMapping | null, defs: AttributeDef[], constants: { businessName: string },
): { resolved: ResolvedMapping | null; violations: Violation[] } {
  const v: Violation[] = [];
  const columns = header.map((h) => h.trim());
  const shown = columns.length > 20 ? `${columns.slice(0, 20).map((c) => JSON.stringify(c)).join(', ')}, …` : columns.map((c) => JSON.stringify(c)).join(', ');
  const find = (column: string, path: string): number => {
    const wanted = column.trim();
    let at = columns.filter((c) => c === wanted).length === 1 ? columns.indexOf(wanted) : -1;
    if (at < 0 && columns.filter((c) => c.toLowerCase() === wanted.toLowerCase()).length === 1) at = columns.findIndex((c) => c.toLowerCase() === wanted.toLowerCase());
    if (at < 0) {
      const repeated = columns.filter((c) => c.toLowerCase() === wanted.toLowerCase()).length > 1;
      v.push({ path, message: repeated ? `the column "${column}" appears more than once in the header` : `the column "${column}" is not in the file's header (its columns: ${shown})` });
    }
    return at;
  };
  const optional = (column: string | undefined, path: string) => (column === undefined ? null : find(column, path));
  const field = (s: Source | undefined, path: string): Field => {
    if (s === undefined) return null;
    return 'column' in s ? { index: find(s.column, `${path}.column`) } : { value: s.value };
  };

  const byKey = new Map(defs.map((d) => [d.key, d]));
  const attributes = Object.entries(mapping.attributes ?? {}).map(([key, column]) => {
    const def = byKey.get(key);
    if (!def) v.push({ path: `mapping.attributes.${key}`, message: 'is not a defined attribute (define it with POST /v1/contact-attributes)' });
    return { key, index: find(column, `mapping.attributes.${key}`), def: def! };
  });
  const resolved: ResolvedMapping = {
    width: columns.length,
    phone: find(mapping.phone, 'mapping.phone'),
    name: optional(mapping.name, 'mapping.name'),
    language: optional(mapping.language, 'mapping.language'),
    timeZone: optional(mapping.time_zone, 'mapping.time_zone'),
    tags: optional(mapping.tags, 'mapping.tags'),
    addTags: mapping.add_tags ?? [],
    attributes,
    defaultCountry: mapping.default_country,
    consent: consent && {
      purpose: consent.purpose,
      state: field(consent.state, 'consent.state'),
      source: field(consent.source, 'consent.source'),
      capturedAt: consent.captured_at ? find(consent.captured_at.column, 'consent.captured_at.column') : null,
      text: field(consent.text, 'consent.text'),
      url: field(consent.url, 'consent.url'),
      ip: consent.ip ? find(consent.ip.column, 'consent.ip.column') : null,
    },
  };
  if (consent) {
    // A constant consent text is checked once, here, rather than rejecting every row for it.
    const text = consent.text && 'value' in consent.text ? consent.text.value : undefined;
    const problem = text === undefined ? null : consentTextProblem(text, constants.businessName);
    if (problem) v.push({ path: 'consent.text.value', message: problem });
    const optsIn = !('value' in consent.state) || consentStateOf(consent.state.value) === 'opted_in';
    if (optsIn && !consent.text) v.push({ path: 'consent.text', message: 'an opt-in needs the exact text the customer agreed to: {"column": "…"} or {"value": "…"}' });
  }
  return v.length > 0 ? { resolved: null, violations: v } : { resolved, violations: [] };
}

/** A consent state as written in a cell: opted_in / opted_out and their common spellings; '' when empty. */
export function consentStateOf(cell: string): 'opted_in' | 'opted_out' | '' | undefined {
  const text = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (text === '') return '';
  if (['opted_in', 'opt_in', 'in', 'yes', 'y', 'true', '1', 'subscribed'].includes(text)) return 'opted_in';
  if (['opted_out', 'opt_out', 'out', 'no', 'n', 'false', '0', 'unsubscribed'].includes(text)) return 'opted_out';
  return undefined;
}

/**
 * AUP 2: the text a customer agreed to must say the messages come on WhatsApp and name the business
 * (the same rule as consent recorded through the API).
 */
export function consentTextProblem(text: string, businessName: string): string | null {
  if (!text.trim()) return 'an opt-in needs the exact text the customer agreed to';
  if (!/whatsapp/i.test(text)) return 'the consent text must say the messages come on WhatsApp';
  if (businessName && !text.toLowerCase().includes(businessName.toLowerCase())) return `the consent text must name the business ("${businessName}")`;
  return null;
}
