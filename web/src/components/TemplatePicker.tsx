import { useId, useMemo, useState, type FormEvent } from 'react';
import { api, type paths } from '../api/client.ts';
import { Loaded, useLoad } from '../ui.tsx';
import { RefusalNotice, refusalOf, type Refusal } from './MessageText.tsx';

type Template = NonNullable<paths['/v1/templates']['get']['responses'][200]['content']['application/json']['data']>[number];
type SendBody = paths['/v1/messages']['post']['requestBody']['content']['application/json'];
type TemplateComponents = NonNullable<NonNullable<SendBody['template']>['components']>;

type Part = { type?: string; format?: string; text?: string; buttons?: { type?: string; text?: string; url?: string }[] };
/** A value the sender fills in: where it goes in the send body, and what it is called in the template. */
type Slot = { key: string; component: 'header' | 'body' | 'button'; name: string; index?: number; label: string };

const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const namesIn = (text: string | undefined) => [...(text ?? '').matchAll(VARIABLE)].map((m) => m[1]!);

/** The values a template needs: its header's and body's variables and its URL buttons' suffixes. */
function slotsOf(template: Template): Slot[] {
  const parts = (template.components ?? []) as Part[];
  const slots: Slot[] = [];
  for (const part of parts) {
    const type = (part.type ?? '').toUpperCase();
    if (type === 'HEADER' && (part.format ?? 'TEXT').toUpperCase() === 'TEXT') {
      for (const name of namesIn(part.text)) slots.push({ key: `header:${name}`, component: 'header', name, label: `Header {{${name}}}` });
    }
    if (type === 'BODY') {
      for (const name of namesIn(part.text)) slots.push({ key: `body:${name}`, component: 'body', name, label: `Body {{${name}}}` });
    }
    if (type === 'BUTTONS') {
      (part.buttons ?? []).forEach((b, index) => {
        if ((b.type ?? '').toUpperCase() === 'URL') {
          for (const name of namesIn(b.url)) slots.push({ key: `button:${index}:${name}`, component: 'button', name, index, label: `“${b.text ?? 'Link'}” button link ending` });
        }
      });
    }
  }
  return slots;
}

/** The template's text as the customer will read it, with what was typed so far in place of each variable. */
function previewOf(template: Template, values: Record<string, string>): { header: string | null; body: string; footer: string | null } {
  const parts = (template.components ?? []) as Part[];
  const fill = (component: string, text: string | undefined) =>
    (text ?? '').replace(VARIABLE, (_all, name: string) => values[`${component}:${name}`]?.trim() || `{{${name}}}`);
  const find = (type: string) => parts.find((p) => (p.type ?? '').toUpperCase() === type);
  const header = find('HEADER');
  return {
    header: header ? ((header.format ?? 'TEXT').toUpperCase() === 'TEXT' ? fill('header', header.text) : `[${(header.format ?? '').toLowerCase()}]`) : null,
    body: fill('body', find('BODY')?.text),
    footer: find('FOOTER')?.text ?? null,
  };
}

function componentsOf(template: Template, slots: Slot[], values: Record<string, string>): TemplateComponents {
  const named = template.parameter_format === 'NAMED';
  const param = (s: Slot) => ({ type: 'text' as const, text: values[s.key] ?? '', ...(named && s.component !== 'button' ? { parameter_name: s.name } : {}) });
  const components: TemplateComponents = [];
  for (const component of ['header', 'body'] as const) {
    const mine = slots.filter((s) => s.component === component);
    if (mine.length) components.push({ type: component, parameters: mine.map(param) });
  }
  for (const s of slots.filter((x) => x.component === 'button')) {
    components.push({ type: 'button', sub_type: 'url', index: String(s.index), parameters: [param(s)] });
  }
  return components;
}

/** Pick an approved template, fill in its variables with a live preview, and send it to `to`. */
export function TemplatePicker({ to, from, onSent, onCancel }: { to: string; from: string | undefined; onSent: (id: string, status: string) => void; onCancel?: () => void }) {
  const templates = useLoad(() => api.GET('/v1/templates', { params: { query: { status: 'APPROVED', limit: 200 } } }), []);
  const id = useId();
  return (
    <section className="template-picker" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="picker-title">Send a template</h3>
      <Loaded result={templates} lines={3}>
        {(page) => (page.data ?? []).length === 0
          ? <p className="muted">No approved template yet. Create one under <a href="/templates">Templates</a>; it can be sent once WhatsApp approves it.</p>
          : <TemplateForm templates={page.data ?? []} to={to} from={from} onSent={onSent} onCancel={onCancel} />}
      </Loaded>
    </section>
  );
}

function TemplateForm({ templates, to, from, onSent, onCancel }: { templates: Template[]; to: string; from: string | undefined; onSent: (id: string, status: string) => void; onCancel?: (() => void) | undefined }) {
  const id = useId();
  const [chosenId, setChosenId] = useState(templates[0]?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const template = templates.find((t) => t.id === chosenId) ?? templates[0]!;
  const slots = useMemo(() => slotsOf(template), [template]);
  const preview = previewOf(template, values);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.POST('/v1/messages', {
      params: { header: { 'idempotency-key': crypto.randomUUID() } },
      body: { to, ...(from ? { from } : {}), type: 'template', template: { name: template.name!, language: { code: template.language! }, components: componentsOf(template, slots, values) } },
    });
    setBusy(false);
    if (error || !data) return setRefusal(refusalOf(error));
    setValues({});
    onSent(data.id!, data.status ?? 'accepted');
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="template-form">
      <div className="field">
        <label htmlFor={`${id}-template`}>Template</label>
        <select id={`${id}-template`} value={template.id} onChange={(e) => { setChosenId(e.target.value); setValues({}); }}>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name} · {t.language} · {(t.category ?? '').toLowerCase()}</option>)}
        </select>
      </div>
      {slots.map((s) => (
        <div className="field" key={s.key}>
          <label htmlFor={`${id}-${s.key}`}>{s.label}</label>
          <input id={`${id}-${s.key}`} required value={values[s.key] ?? ''} onChange={(e) => setValues({ ...values, [s.key]: e.target.value })} />
        </div>
      ))}
      <div className="template-preview" aria-label="Preview">
        <p className="preview-label muted">Preview</p>
        <div className="bubble bubble-out bubble-preview">
          {preview.header ? <p className="preview-header">{preview.header}</p> : null}
          <p className="bubble-text">{preview.body}</p>
          {preview.footer ? <p className="preview-footer muted">{preview.footer}</p> : null}
        </div>
      </div>
      {refusal ? <RefusalNotice refusal={refusal} /> : null}
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? 'Sending…' : `Send ${template.name}`}</button>
        {onCancel ? <button type="button" className="secondary" onClick={onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}
