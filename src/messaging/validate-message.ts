// Rules of Meta's that span fields, which JSON Schema cannot say: each returns every violation with its
// path, so a caller fixes them all at once. Pure: runs before anything is looked up or written.

export type Violation = { path: string; message: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'reaction', 'interactive', 'template'];

export function validateMessage(body: Obj, base = 'body'): Violation[] {
  const violations: Violation[] = [];
  const type = String(body['type']);
  for (const other of TYPES) {
    if (other !== type && body[other] !== undefined) violations.push({ path: `${base}.${other}`, message: `is not allowed when type is "${type}"` });
  }
  const payload = body[type];
  if (type === 'interactive' && isObj(payload)) violations.push(...interactiveRules(payload, `${base}.interactive`));
  if (type === 'reaction' && isObj(payload)) {
    const emoji = String(payload['emoji'] ?? '');
    if (emoji !== '' && !isSingleEmoji(emoji)) violations.push({ path: `${base}.reaction.emoji`, message: 'must be a single emoji, or "" to remove a reaction' });
  }
  if (type === 'template' && isObj(payload)) violations.push(...templateRules(payload, `${base}.template`));
  if (type === 'location' && isObj(payload)) violations.push(...coordinateRules(payload, `${base}.location`));
  return violations;
}

function interactiveRules(i: Obj, base: string): Violation[] {
  const v: Violation[] = [];
  const kind = i['type'];
  const action = isObj(i['action']) ? i['action'] : {};
  const header = isObj(i['header']) ? i['header'] : undefined;
  if (header) {
    const headerType = String(header['type']);
    if (header[headerType] === undefined) v.push({ path: `${base}.header.${headerType}`, message: `is required when header.type is "${headerType}"` });
    if (kind !== 'button' && headerType !== 'text') v.push({ path: `${base}.header.type`, message: `a ${String(kind)} message takes only a text header` });
  }
  const only = (allowed: string[]) => {
    for (const key of Object.keys(action)) if (!allowed.includes(key)) v.push({ path: `${base}.action.${key}`, message: `is not used by a ${String(kind)} message` });
  };
  if (kind === 'button') {
    only(['buttons']);
    const buttons = (Array.isArray(action['buttons']) ? action['buttons'] : []) as { reply?: { id?: string; title?: string } }[];
    duplicates(buttons.map((b) => b.reply?.id), `${base}.action.buttons`, 'reply.id', v);
    duplicates(buttons.map((b) => b.reply?.title), `${base}.action.buttons`, 'reply.title', v);
    buttons.forEach((b, n) => {
      if (typeof b.reply?.id === 'string' && b.reply.id.trim() !== b.reply.id) v.push({ path: `${base}.action.buttons[${n}].reply.id`, message: 'must not start or end with spaces' });
    });
  } else if (kind === 'list') {
    only(['button', 'sections']);
    const sections = (Array.isArray(action['sections']) ? action['sections'] : []) as { title?: string; rows?: { id?: string }[] }[];
    const rows = sections.flatMap((s) => s.rows ?? []);
    if (rows.length > 10) v.push({ path: `${base}.action.sections`, message: `has ${rows.length} rows; at most 10 in all sections together` });
    if (sections.length > 1) sections.forEach((s, n) => { if (!s.title) v.push({ path: `${base}.action.sections[${n}].title`, message: 'is required when there is more than one section' }); });
    duplicates(rows.map((r) => r.id), `${base}.action.sections`, 'rows[].id', v);
  } else if (kind === 'cta_url' || kind === 'flow') {
    only(['name', 'parameters']);
    if (action['name'] !== kind) v.push({ path: `${base}.action.name`, message: `must be "${kind}"` });
    const p = isObj(action['parameters']) ? action['parameters'] : {};
    const allowed = kind === 'cta_url' ? ['display_text', 'url'] : ['flow_message_version', 'flow_id', 'flow_name', 'flow_cta', 'flow_token', 'mode', 'flow_action', 'flow_action_payload'];
    for (const key of Object.keys(p)) if (!allowed.includes(key)) v.push({ path: `${base}.action.parameters.${key}`, message: `is not used by a ${kind} message` });
    if (kind === 'flow' && (p['flow_id'] === undefined) === (p['flow_name'] === undefined)) {
      v.push({ path: `${base}.action.parameters`, message: 'needs exactly one of flow_id or flow_name' });
    }
  }
  return v;
}

function templateRules(t: Obj, base: string): Violation[] {
  const v: Violation[] = [];
  const components = (Array.isArray(t['components']) ? t['components'] : []) as { type?: string; index?: unknown; parameters?: { parameter_name?: string; type?: string }[] }[];
  const textParams = components.flatMap((c) => (c.type === 'button' ? [] : (c.parameters ?? []).filter((p) => p.type === 'text')));
  const named = textParams.filter((p) => p.parameter_name !== undefined).length;
  if (named > 0 && named < textParams.length) {
    v.push({ path: `${base}.components`, message: 'mixes named and positional parameters: name all text parameters (parameter_name) or none' });
  }
  const buttonIndexes = components.filter((c) => c.type === 'button').map((c) => String(c.index));
  duplicates(buttonIndexes, `${base}.components`, 'button index', v);
  for (const kind of ['header', 'body']) {
    if (components.filter((c) => c.type === kind).length > 1) v.push({ path: `${base}.components`, message: `has more than one ${kind} component` });
  }
  return v;
}

// The schema takes coordinates as numbers or numeric strings (both occur in Meta's documents); the
// range is checked here because the string form escapes JSON Schema's minimum and maximum.
function coordinateRules(location: Obj, base: string): Violation[] {
  const v: Violation[] = [];
  for (const [field, limit] of [['latitude', 90], ['longitude', 180]] as const) {
    const value = Number(location[field]);
    if (!Number.isFinite(value) || Math.abs(value) > limit) v.push({ path: `${base}.${field}`, message: `must be between -${limit} and ${limit}` });
  }
  return v;
}

function duplicates(values: (string | undefined)[], path: string, what: string, into: Violation[]) {
  const seen = new Set<string>();
  for (const value of values) {
    if (value === undefined) continue;
    if (seen.has(value)) into.push({ path, message: `${what} "${value}" appears more than once; each must be unique` });
    seen.add(value);
  }
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One grapheme that is an emoji (with its modifiers, joiners and flags). */
export function isSingleEmoji(value: string): boolean {
  const graphemes = [...segmenter.segment(value)];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(value);
}
