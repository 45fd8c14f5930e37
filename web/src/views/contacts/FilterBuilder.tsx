import { formatNumber } from '../../format.ts';

// Conditions of the contacts' filter language (src/contacts/filter.ts, decision 0009), edited as rows and
// combined with "all" (and) or "any" (or); each row may be negated (not).

export type AttributeDef = { key?: string; label?: string; type?: string; options?: string[] | null };
export type Kind = 'tag' | 'consent' | 'attribute' | 'language' | 'last_inbound' | 'created_at';
export type Condition = {
  kind: Kind; negate: boolean; tag: string; purpose: string; state: string;
  attribute: string; op: string; value: string; language: string; after: string; before: string;
};
export type FilterState = { match: 'all' | 'any'; conditions: Condition[] };

const KINDS: [Kind, string][] = [['tag', 'Tag'], ['consent', 'Consent'], ['attribute', 'Attribute'], ['language', 'Language'], ['last_inbound', 'Last message from them'], ['created_at', 'Added']];
const OPS: Record<string, [string, string][]> = {
  text: [['eq', 'is'], ['ne', 'is not'], ['in', 'is one of'], ['exists', 'is set']],
  enum: [['eq', 'is'], ['ne', 'is not'], ['in', 'is one of'], ['exists', 'is set']],
  boolean: [['eq', 'is'], ['exists', 'is set']],
  number: [['eq', '='], ['ne', '≠'], ['gt', '>'], ['gte', '≥'], ['lt', '<'], ['lte', '≤'], ['in', 'is one of'], ['exists', 'is set']],
  date: [['eq', 'on'], ['gt', 'after'], ['gte', 'on or after'], ['lt', 'before'], ['lte', 'on or before'], ['exists', 'is set']],
};

export const newCondition = (kind: Kind = 'tag'): Condition => ({
  kind, negate: false, tag: '', purpose: 'marketing', state: 'opted_in', attribute: '', op: 'eq', value: '', language: '', after: '', before: '',
});

/** The filter language's JSON for the conditions (q, the free text, is added by the caller). */
export function filterOf(state: FilterState, defs: AttributeDef[]): unknown[] {
  const parts = state.conditions.map((c) => {
    const f = conditionOf(c, defs);
    return f && c.negate ? { not: f } : f;
  }).filter((f) => f !== null);
  if (parts.length === 0) return [];
  return [state.match === 'all' ? { and: parts } : { or: parts }];
}

function conditionOf(c: Condition, defs: AttributeDef[]): unknown {
  switch (c.kind) {
    case 'tag': return c.tag.trim() ? { tag: c.tag.trim() } : null;
    case 'consent': return { consent: c.purpose, state: c.state };
    case 'language': return c.language.trim() ? { language: c.language.split(',').map((l) => l.trim()).filter(Boolean) } : null;
    case 'last_inbound': case 'created_at': {
      const range = { ...(c.after ? { after: c.after } : {}), ...(c.before ? { before: c.before } : {}) };
      if (Object.keys(range).length === 0) return c.kind === 'last_inbound' ? { last_inbound: { exists: true } } : null;
      return { [c.kind]: range };
    }
    case 'attribute': {
      const def = defs.find((d) => d.key === c.attribute);
      if (!def) return null;
      if (c.op === 'exists') return { attribute: c.attribute, op: 'exists' };
      const typed = (v: string): unknown => (def.type === 'number' ? Number(v) : def.type === 'boolean' ? v === 'true' : v);
      const value = c.op === 'in' ? c.value.split(',').map((v) => v.trim()).filter(Boolean).map(typed) : typed(c.value.trim());
      return { attribute: c.attribute, op: c.op, value };
    }
  }
}

export function FilterBuilder({ state, onChange, defs }: { state: FilterState; onChange: (s: FilterState) => void; defs: AttributeDef[] }) {
  const update = (i: number, patch: Partial<Condition>) => onChange({ ...state, conditions: state.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <fieldset className="filter-builder">
      <legend>Conditions</legend>
      {state.conditions.length > 1 ? (
        <div className="field inline">
          <label htmlFor="filter-match">Contacts matching</label>
          <select id="filter-match" value={state.match} onChange={(e) => onChange({ ...state, match: e.target.value as FilterState['match'] })}>
            <option value="all">all conditions</option>
            <option value="any">any condition</option>
          </select>
        </div>
      ) : null}
      {state.conditions.map((c, i) => (
        <ConditionRow key={i} index={i} c={c} defs={defs} update={(patch) => update(i, patch)}
          remove={() => onChange({ ...state, conditions: state.conditions.filter((_, j) => j !== i) })} />
      ))}
      <button type="button" className="secondary small" onClick={() => onChange({ ...state, conditions: [...state.conditions, newCondition()] })}>Add condition</button>
    </fieldset>
  );
}

function ConditionRow({ index, c, defs, update, remove }: { index: number; c: Condition; defs: AttributeDef[]; update: (p: Partial<Condition>) => void; remove: () => void }) {
  const id = (f: string) => `cond-${index}-${f}`;
  const n = formatNumber(index + 1);
  const def = defs.find((d) => d.key === c.attribute);
  const ops = OPS[def?.type ?? 'text'] ?? OPS.text!;
  return (
    <div className="condition" role="group" aria-label={`Condition ${n}`}>
      <label className="visually-hidden" htmlFor={id('kind')}>Condition {n}: what to test</label>
      <select id={id('kind')} value={c.kind} onChange={(e) => update({ kind: e.target.value as Kind })}>
        {KINDS.filter(([k]) => k !== 'attribute' || defs.length > 0).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
      </select>
      <label className="visually-hidden" htmlFor={id('negate')}>Condition {n}: holds or not</label>
      <select id={id('negate')} value={c.negate ? 'not' : 'is'} onChange={(e) => update({ negate: e.target.value === 'not' })}>
        <option value="is">{c.kind === 'tag' ? 'has' : 'is'}</option>
        <option value="not">{c.kind === 'tag' ? 'does not have' : 'is not'}</option>
      </select>
      {c.kind === 'tag' ? <Input id={id('tag')} label={`Condition ${n}: tag`} value={c.tag} onChange={(tag) => update({ tag })} placeholder="vip" /> : null}
      {c.kind === 'consent' ? (
        <>
          <Select id={id('purpose')} label={`Condition ${n}: purpose`} value={c.purpose} onChange={(purpose) => update({ purpose })}
            options={[['marketing', 'for marketing'], ['utility', 'for utility'], ['authentication', 'for authentication']]} />
          <Select id={id('state')} label={`Condition ${n}: consent state`} value={c.state} onChange={(state) => update({ state })}
            options={[['opted_in', 'opted in'], ['opted_out', 'opted out'], ['none', 'never asked']]} />
        </>
      ) : null}
      {c.kind === 'language' ? <Input id={id('language')} label={`Condition ${n}: language codes`} value={c.language} onChange={(language) => update({ language })} placeholder="en, pt-BR" /> : null}
      {c.kind === 'last_inbound' || c.kind === 'created_at' ? (
        <>
          <Input id={id('after')} label={`Condition ${n}: from`} type="date" value={c.after} onChange={(after) => update({ after })} visibleLabel="from" />
          <Input id={id('before')} label={`Condition ${n}: before`} type="date" value={c.before} onChange={(before) => update({ before })} visibleLabel="before" />
        </>
      ) : null}
      {c.kind === 'attribute' ? (
        <>
          <Select id={id('attribute')} label={`Condition ${n}: attribute`} value={c.attribute} onChange={(attribute) => update({ attribute, op: 'eq', value: '' })}
            options={[['', 'Choose…'], ...defs.map((d): [string, string] => [d.key ?? '', d.label || d.key || ''])]} />
          <Select id={id('op')} label={`Condition ${n}: comparison`} value={c.op} onChange={(op) => update({ op })} options={ops} />
          {c.op !== 'exists' ? <AttributeValue id={id('value')} label={`Condition ${n}: value`} def={def} op={c.op} value={c.value} onChange={(value) => update({ value })} /> : null}
        </>
      ) : null}
      <button type="button" className="link-button" onClick={remove} aria-label={`Remove condition ${n}`}>Remove</button>
    </div>
  );
}

function AttributeValue({ id, label, def, op, value, onChange }: { id: string; label: string; def: AttributeDef | undefined; op: string; value: string; onChange: (v: string) => void }) {
  if (op === 'in') return <Input id={id} label={label} value={value} onChange={onChange} placeholder="a, b, c" />;
  if (def?.type === 'boolean') return <Select id={id} label={label} value={value || 'true'} onChange={onChange} options={[['true', 'yes'], ['false', 'no']]} />;
  if (def?.type === 'enum') return <Select id={id} label={label} value={value} onChange={onChange} options={[['', 'Choose…'], ...(def.options ?? []).map((o): [string, string] => [o, o])]} />;
  return <Input id={id} label={label} value={value} onChange={onChange} type={def?.type === 'number' ? 'number' : def?.type === 'date' ? 'date' : 'text'} />;
}

function Input({ id, label, value, onChange, type = 'text', placeholder, visibleLabel }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string; placeholder?: string; visibleLabel?: string }) {
  return (
    <span className="condition-part">
      {visibleLabel ? <span aria-hidden="true" className="muted">{visibleLabel}</span> : null}
      <label className="visually-hidden" htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </span>
  );
}

function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </>
  );
}
