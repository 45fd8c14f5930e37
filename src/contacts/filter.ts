import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { join, sql, unsafeRaw, type Sql } from '../db/sql.ts';
import { ATTRIBUTE_KEY, checkValue, isCalendarDate, type AttributeValue, type Definitions } from './attributes.ts';
import { normalizeLanguage, normalizeTag, type Violation } from './contact-fields.ts';
import { PURPOSES, type Purpose } from './consent-ledger.ts';

/**
 * The contact filter language: a small JSON tree that search, segments and bulk tagging share, checked
 * against the organization's attribute definitions, then compiled to one SQL condition over `contacts c`
 * with every value bound. Grammar and semantics: docs/decisions/0009-contacts-filter-language.md.
 *
 *   {"and": [F…]} · {"or": [F…]} · {"not": F}
 *   {"tag": "vip"}
 *   {"attribute": "age", "op": "eq|ne|gt|gte|lt|lte|in|exists", "value": …}
 *   {"consent": "marketing", "state": "opted_in|opted_out|none"}
 *   {"last_inbound": {"after"?, "before"?, "exists"?}} · {"created_at": {"after"?, "before"?}}
 *   {"language": "en" | ["en", "pt-BR"]} · {"q": "ann"}
 */

export const ATTRIBUTE_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];
export const CONSENT_FILTER_STATES = ['opted_in', 'opted_out', 'none'] as const;
export type ConsentFilterState = (typeof CONSENT_FILTER_STATES)[number];
export type TimeRange = { after?: string; before?: string; exists?: boolean };

export type Filter =
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter }
  | { tag: string }
  | { attribute: string; op: AttributeOp; value?: AttributeValue | AttributeValue[] }
  | { consent: Purpose; state: ConsentFilterState }
  | { last_inbound: TimeRange }
  | { created_at: TimeRange }
  | { language: string[] }
  | { q: string };

export const MAX_FILTER_DEPTH = 8;
export const MAX_FILTER_NODES = 100;
const MAX_LIST = 100;
const OPS_BY_TYPE: Record<string, readonly AttributeOp[]> = {
  text: ['eq', 'ne', 'in', 'exists'],
  enum: ['eq', 'ne', 'in', 'exists'],
  boolean: ['eq', 'ne', 'exists'],
  number: ATTRIBUTE_OPS,
  date: ATTRIBUTE_OPS,
};

/** The attribute keys a (not yet checked) filter names, so their definitions can be loaded before parsing it. */
export function attributeKeysOf(input: unknown, keys = new Set<string>()): string[] {
  if (Array.isArray(input)) input.forEach((x) => attributeKeysOf(x, keys));
  else if (input !== null && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) {
      if (k === 'attribute' && typeof v === 'string' && ATTRIBUTE_KEY.test(v)) keys.add(v);
      else if (k === 'and' || k === 'or' || k === 'not') attributeKeysOf(v, keys);
    }
  }
  return [...keys];
}

export type ParsedFilter = { ok: true; filter: Filter } | { ok: false; violations: Violation[] };

/** Checks a filter from outside and returns it normalized (tags, languages and times in their stored form). */
export function parseFilter(input: unknown, defs: Definitions, path: string): ParsedFilter {
  const violations: Violation[] = [];
  let nodes = 0;
  const fail = (at: string, message: string) => { violations.push({ path: at, message }); return null; };

  const node = (value: unknown, at: string, depth: number): Filter | null => {
    nodes += 1;
    if (nodes === MAX_FILTER_NODES + 1) return fail(path, `must have at most ${MAX_FILTER_NODES} conditions`);
    if (depth > MAX_FILTER_DEPTH) return fail(at, `nests deeper than ${MAX_FILTER_DEPTH} levels`);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(at, 'must be an object');
    const o = value as Record<string, unknown>;
    const kind = Object.keys(o).find((k) => KINDS.has(k));
    if (!kind) return fail(at, `must have one of ${[...KINDS].join(', ')}`);
    const allowed = kind === 'attribute' ? ['attribute', 'op', 'value'] : kind === 'consent' ? ['consent', 'state'] : [kind];
    const extra = Object.keys(o).filter((k) => !allowed.includes(k));
    if (extra.length > 0) return fail(`${at}.${extra[0]}`, `is not allowed beside "${kind}"`);
    switch (kind) {
      case 'and': case 'or': {
        const list = o[kind];
        if (!Array.isArray(list)) return fail(`${at}.${kind}`, 'must be an array of filters');
        if (kind === 'or' && list.length === 0) return fail(`${at}.or`, 'must hold at least one filter');
        const children = list.map((child, i) => node(child, `${at}.${kind}.${i}`, depth + 1));
        return children.every((c) => c !== null) ? ({ [kind]: children } as Filter) : null;
      }
      case 'not': {
        const child = node(o['not'], `${at}.not`, depth + 1);
        return child && { not: child };
      }
      case 'tag': {
        if (typeof o['tag'] !== 'string') return fail(`${at}.tag`, 'must be a string');
        const tag = normalizeTag(o['tag']);
        return tag.ok ? { tag: tag.tag } : fail(`${at}.tag`, tag.reason);
      }
      case 'attribute': return attribute(o, at);
      case 'consent': {
        if (!PURPOSES.includes(o['consent'] as Purpose)) return fail(`${at}.consent`, `must be one of ${PURPOSES.join(', ')}`);
        if (!CONSENT_FILTER_STATES.includes(o['state'] as ConsentFilterState)) return fail(`${at}.state`, `must be one of ${CONSENT_FILTER_STATES.join(', ')}`);
        return { consent: o['consent'] as Purpose, state: o['state'] as ConsentFilterState };
      }
      case 'last_inbound': case 'created_at': {
        const range = timeRange(o[kind], `${at}.${kind}`, kind === 'last_inbound');
        return range && ({ [kind]: range } as Filter);
      }
      case 'language': {
        const raw = typeof o['language'] === 'string' ? [o['language']] : o['language'];
        if (!Array.isArray(raw) || raw.length === 0 || raw.length > 20) return fail(`${at}.language`, 'must be a language tag or a list of 1 to 20');
        const languages: string[] = [];
        raw.forEach((l, i) => {
          const n = typeof l === 'string' ? normalizeLanguage(l) : { ok: false as const, reason: 'must be a string' };
          if (n.ok) languages.push(n.language);
          else fail(Array.isArray(o['language']) ? `${at}.language.${i}` : `${at}.language`, n.reason);
        });
        return languages.length === raw.length ? { language: languages } : null;
      }
      case 'q': {
        const q = typeof o['q'] === 'string' ? o['q'].trim() : '';
        if (q.length === 0 || q.length > 100) return fail(`${at}.q`, 'must be 1 to 100 characters');
        return { q };
      }
    }
    return null;
  };

  const attribute = (o: Record<string, unknown>, at: string): Filter | null => {
    const key = o['attribute'];
    if (typeof key !== 'string') return fail(`${at}.attribute`, 'must be an attribute key');
    const def = defs.get(key);
    if (!def) return fail(`${at}.attribute`, `"${key}" is not a defined attribute`);
    const op = o['op'] as AttributeOp;
    if (!ATTRIBUTE_OPS.includes(op)) return fail(`${at}.op`, `must be one of ${ATTRIBUTE_OPS.join(', ')}`);
    if (!OPS_BY_TYPE[def.type]!.includes(op)) return fail(`${at}.op`, `cannot compare a ${def.type} attribute with "${op}" (use ${OPS_BY_TYPE[def.type]!.join(', ')})`);
    if (op === 'exists') return 'value' in o ? fail(`${at}.value`, 'is not used with "exists" (wrap the condition in "not" for absence)') : { attribute: key, op };
    if (op === 'in') {
      const list = o['value'];
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_LIST) return fail(`${at}.value`, `must be a list of 1 to ${MAX_LIST} values`);
      const values: AttributeValue[] = [];
      list.forEach((v, i) => {
        const checked = checkValue(def, v);
        if (checked.ok) values.push(checked.value);
        else fail(`${at}.value.${i}`, checked.reason);
      });
      return values.length === list.length ? { attribute: key, op, value: values } : null;
    }
    // An enum's order is not meaningful, but a value outside its options can still be compared for (in)equality.
    const checked = def.type === 'enum' ? checkValue({ type: 'text', options: null }, o['value']) : checkValue(def, o['value']);
    if (!checked.ok) return fail(`${at}.value`, checked.reason);
    return { attribute: key, op, value: checked.value };
  };

  const timeRange = (value: unknown, at: string, mayBeAbsent: boolean): TimeRange | null => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(at, 'must be an object with "after" and/or "before"');
    const o = value as Record<string, unknown>;
    const allowed = mayBeAbsent ? ['after', 'before', 'exists'] : ['after', 'before'];
    const extra = Object.keys(o).filter((k) => !allowed.includes(k));
    if (extra.length > 0) return fail(`${at}.${extra[0]}`, 'is not allowed');
    if (Object.keys(o).length === 0) return fail(at, `must have one of ${allowed.join(', ')}`);
    const range: TimeRange = {};
    let ok = true;
    for (const bound of ['after', 'before'] as const) {
      if (!(bound in o)) continue;
      const time = parseTime(o[bound]);
      if (time) range[bound] = time;
      else ok = !!fail(`${at}.${bound}`, 'must be an ISO 8601 date-time (or YYYY-MM-DD)');
    }
    if ('exists' in o) {
      if (typeof o['exists'] !== 'boolean') ok = !!fail(`${at}.exists`, 'must be true or false');
      else if (o['exists'] === false && (range.after || range.before)) ok = !!fail(`${at}.exists`, 'cannot be false beside "after" or "before"');
      else range.exists = o['exists'];
    }
    return ok ? range : null;
  };

  const filter = node(input, path, 1);
  return filter && violations.length === 0 ? { ok: true, filter } : { ok: false, violations };
}

const KINDS = new Set(['and', 'or', 'not', 'tag', 'attribute', 'consent', 'last_inbound', 'created_at', 'language', 'q']);

/** An ISO 8601 date-time with its offset (or a bare date, read as midnight UTC), as a normalized ISO string. */
export function parseTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  if (!dateTime && !isCalendarDate(value)) return null;
  const time = new Date(dateTime ? value : `${value}T00:00:00Z`);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

export type CompileContext = { defs: Definitions; defaultCountry: string | null };

/** One SQL boolean over `contacts c`, never NULL (so that `not` is the exact complement). */
export function compileFilter(filter: Filter, ctx: CompileContext): Sql {
  if ('and' in filter) return filter.and.length === 0 ? sql`true` : sql`(${join(filter.and.map((f) => compileFilter(f, ctx)), ' AND ')})`;
  if ('or' in filter) return sql`(${join(filter.or.map((f) => compileFilter(f, ctx)), ' OR ')})`;
  if ('not' in filter) return sql`NOT ${compileFilter(filter.not, ctx)}`;
  if ('tag' in filter) return sql`(c.tags @> ARRAY[${filter.tag}::text])`;
  if ('attribute' in filter) return compileAttribute(filter, ctx.defs);
  if ('consent' in filter) {
    // The `all` rule of effectiveConsent: the latest record for the purpose itself or for every purpose.
    const current = sql`(SELECT s.state FROM consent_state s WHERE s.org_id = c.org_id AND s.contact_id = c.id
      AND s.purpose IN (${filter.consent}::text, 'all') ORDER BY s.seq DESC LIMIT 1)`;
    return filter.state === 'none' ? sql`(${current} IS NULL)` : sql`coalesce(${current} = ${filter.state}::text, false)`;
  }
  if ('last_inbound' in filter) return compileRange(sql`c.last_inbound_at`, filter.last_inbound);
  if ('created_at' in filter) return compileRange(sql`c.created_at`, filter.created_at);
  if ('language' in filter) {
    const matches = filter.language.map((l) => l.toLowerCase()).map((l) =>
      sql`lower(c.language) = ${l}::text OR starts_with(lower(c.language), ${`${l}-`}::text)`);
    return sql`coalesce(${join(matches, ' OR ')}, false)`;
  }
  return compileSearch(filter.q, ctx.defaultCountry);
}

function compileRange(column: Sql, range: TimeRange): Sql {
  const parts: Sql[] = [];
  if (range.exists === true) parts.push(sql`${column} IS NOT NULL`);
  if (range.exists === false) parts.push(sql`${column} IS NULL`);
  if (range.after) parts.push(sql`${column} >= ${range.after}::timestamptz`);
  if (range.before) parts.push(sql`${column} < ${range.before}::timestamptz`);
  return sql`coalesce(${join(parts, ' AND ')}, false)`;
}

function compileAttribute(f: Extract<Filter, { attribute: string }>, defs: Definitions): Sql {
  const type = defs.get(f.attribute)!.type;
  const raw = sql`c.attributes -> ${f.attribute}::text`;
  const text = sql`c.attributes ->> ${f.attribute}::text`;
  // Typed reads guard their casts: a value stored under another type cannot make the query fail.
  const typed = {
    text: sql`CASE WHEN jsonb_typeof(${raw}) = 'string' THEN ${text} END`,
    enum: sql`CASE WHEN jsonb_typeof(${raw}) = 'string' THEN ${text} END`,
    number: sql`CASE WHEN jsonb_typeof(${raw}) = 'number' THEN (${text})::numeric END`,
    boolean: sql`CASE WHEN jsonb_typeof(${raw}) = 'boolean' THEN (${text})::boolean END`,
    date: sql`CASE WHEN ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN (${text})::date END`,
  }[type];
  const cast = { text: 'text', enum: 'text', number: 'numeric', boolean: 'boolean', date: 'date' }[type];
  const bind = (v: AttributeValue) => {
    const value = type === 'number' ? String(v) : v;
    return cast === 'numeric' ? sql`${value}::numeric` : cast === 'date' ? sql`${value}::date` : cast === 'boolean' ? sql`${value}::boolean` : sql`${value}::text`;
  };
  const compare = (operator: string, v: AttributeValue) => sql`coalesce(${typed} ${unsafeRaw(operator)} ${bind(v)}, false)`;
  const value = f.value as AttributeValue;
  switch (f.op) {
    case 'exists': return sql`(${typed} IS NOT NULL)`;
    case 'eq': return compare('=', value);
    case 'ne': return compare('<>', value);
    // Only number and date attributes reach these (parseFilter refuses the others).
    case 'gt': return compare('>', value);
    case 'gte': return compare('>=', value);
    case 'lt': return compare('<', value);
    case 'lte': return compare('<=', value);
    case 'in': return sql`coalesce(${join((f.value as AttributeValue[]).map((v) => sql`${typed} = ${bind(v)}`), ' OR ')}, false)`;
  }
}

/**
 * Free text: the name contains it (case-insensitive), or, when it reads as digits, the number starts with
 * them, written internationally ("+4915…", "4915…") or nationally in the organization's country ("0151…").
 */
function compileSearch(q: string, defaultCountry: string | null): Sql {
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const parts = [sql`c.name ILIKE ${like}::text`];
  const compact = q.replace(/[\s().-]/g, '');
  if (/^\+?\d{1,15}$/.test(compact)) {
    const digits = compact.replace(/^\+/, '');
    parts.push(sql`c.phone_e164 LIKE ${`+${digits}%`}::text`);
    const callingCode = !compact.startsWith('+') && defaultCountry ? callingCodeOf(defaultCountry) : null;
    const national = digits.replace(/^0+/, '');
    if (callingCode && national.length > 0) parts.push(sql`c.phone_e164 LIKE ${`+${callingCode}${national}%`}::text`);
  }
  return sql`coalesce(${join(parts, ' OR ')}, false)`;
}

function callingCodeOf(country: string): string | null {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return null;
  }
}

/** The querystring of GET /v1/contacts: every given parameter must hold. */
export type ContactQuery = {
  q?: string; tag?: string[]; consent?: string[]; language?: string;
  last_inbound_after?: string; last_inbound_before?: string; created_after?: string; created_before?: string;
  [attr: `attr.${string}`]: string | undefined;
};

/** `attr.<key>` (equality) or `attr.<key>.<op>` in the querystring. */
export const QUERY_ATTRIBUTE = /^attr\.([a-z][a-z0-9_]{0,63})(?:\.(eq|ne|gt|gte|lt|lte))?$/;

/** Reads the querystring as a filter, each condition checked under its own parameter's path. */
export function parseQueryFilter(query: Record<string, unknown>, defs: Definitions): ParsedFilter {
  const conditions: { input: unknown; path: string }[] = [];
  const violations: Violation[] = [];
  if (query['q'] !== undefined) conditions.push({ input: { q: query['q'] }, path: 'querystring' });
  ((query['tag'] as string[] | undefined) ?? []).forEach((tag, i) => conditions.push({ input: { tag }, path: `querystring.tag.${i}` }));
  ((query['consent'] as string[] | undefined) ?? []).forEach((c, i) => {
    const [purpose, state] = c.split(':');
    conditions.push({ input: { consent: purpose, state }, path: `querystring.consent.${i}` });
  });
  if (query['language'] !== undefined) conditions.push({ input: { language: query['language'] }, path: 'querystring' });
  const range = (kind: string, after: string, before: string) => {
    if (query[after] === undefined && query[before] === undefined) return;
    const input = { ...(query[after] !== undefined ? { after: query[after] } : {}), ...(query[before] !== undefined ? { before: query[before] } : {}) };
    conditions.push({ input: { [kind]: input }, path: 'querystring' });
  };
  range('last_inbound', 'last_inbound_after', 'last_inbound_before');
  range('created_at', 'created_after', 'created_before');
  for (const [name, raw] of Object.entries(query)) {
    const match = QUERY_ATTRIBUTE.exec(name);
    if (!match) continue;
    const [, key, op = 'eq'] = match;
    const def = defs.get(key!);
    const value = def ? fromQueryText(def.type, String(raw)) : undefined;
    if (!def) violations.push({ path: `querystring.${name}`, message: `"${key}" is not a defined attribute` });
    else if (value === undefined) violations.push({ path: `querystring.${name}`, message: `must be a ${def.type}` });
    else conditions.push({ input: { attribute: key, op, value }, path: `querystring.${name}` });
  }
  const filters: Filter[] = [];
  for (const c of conditions) {
    const parsed = parseFilter(c.input, defs, c.path);
    if (parsed.ok) filters.push(parsed.filter);
    else violations.push(...parsed.violations.map((v) => ({ ...v, path: simplifyQueryPath(v.path, c.path) })));
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, filter: { and: filters } };
}

// "querystring.tag.0.tag" → "querystring.tag.0"; "querystring.last_inbound.after" → "querystring.last_inbound_after".
function simplifyQueryPath(path: string, base: string): string {
  if (base !== 'querystring') return base;
  const rest = path.slice(base.length + 1);
  const renamed: Record<string, string> = {
    'last_inbound.after': 'last_inbound_after', 'last_inbound.before': 'last_inbound_before',
    'created_at.after': 'created_after', 'created_at.before': 'created_before',
  };
  return `querystring.${renamed[rest] ?? rest.split('.')[0]}`;
}

function fromQueryText(type: string, text: string): AttributeValue | undefined {
  if (type === 'number') return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  return text;
}
