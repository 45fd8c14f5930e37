import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { SUPPORTED_LANGUAGES } from '../../../../src/templates/template-rules.ts';
import { validateTemplate } from '../../../../src/templates/validate-template.ts';
import { api, errorMessage, type ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { formatNumber } from '../../format.ts';
import { BodySection, ButtonsSection, FooterSection, HeaderSection } from './BuilderSections.tsx';
import { messagesByField, newButton, toDefinition, type Category, type Draft, type ParameterFormat } from './definition.ts';
import { TemplatePreview } from './TemplatePreview.tsx';

type Violation = { path: string; message: string; rule?: string };

/** Which group of the form a field belongs to: its messages show once the author has touched that group. */
function groupOf(field: string): string {
  const button = /^btn-(\d+)-/.exec(field);
  if (button) return `btn-${button[1]}`;
  const section = /^(header|body|footer)-/.exec(field);
  return section ? section[1]! : field;
}

const languageName = (() => {
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([navigator.language], { type: 'language' }) : null;
  return (code: string) => {
    try {
      const name = names?.of(code.replace('_', '-'));
      return name && name !== code ? `${name} (${code})` : code;
    } catch {
      return code; // A code the browser's data does not know (prs_AF…): shown as it is.
    }
  };
})();
const LANGUAGES = [...SUPPORTED_LANGUAGES].map((code) => ({ code, name: languageName(code) })).sort((a, b) => a.name.localeCompare(b.name));

/**
 * The template builder: every change is checked by the platform's validator as the author types, each message
 * under the field it concerns; the preview beside it is what the customer will see. `existing` edits a template.
 */
export function TemplateBuilder({ initial, existing }: { initial: Draft; existing?: { id: string; status: string } }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverViolations, setServerViolations] = useState<Violation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const submitted = existing && existing.status !== 'DRAFT';

  const { definition, index } = useMemo(() => toDefinition(draft), [draft]);
  const violations = useMemo(() => validateTemplate(definition), [definition]);
  const all = serverViolations.length > 0 ? serverViolations : violations;
  const byField = useMemo(() => messagesByField(all, index), [all, index]);
  const visible = (field: string) => (attempted || touched.has(groupOf(field)) ? byField.get(field) : undefined);

  const change = (group: string, update: (d: Draft) => Draft) => {
    setDraft(update);
    setServerViolations([]);
    setTouched((t) => (t.has(group) ? t : new Set(t).add(group)));
  };
  const set = <K extends keyof Draft>(key: K, group: string) => (value: Draft[K]) => change(group, (d) => ({ ...d, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (violations.length > 0) { summary.current?.focus(); return; }
    setBusy(true);
    const answer = existing
      ? await api.PATCH('/v1/templates/{id}', { params: { path: { id: existing.id } }, body: editBody(definition, existing.status) })
      : await api.POST('/v1/templates', { body: definition as { name: string; language: string; category: string; components: unknown[] } });
    setBusy(false);
    if (answer.data?.id) { navigate(`/templates/${answer.data.id}`, { state: { saved: true } }); return; }
    const details = (answer.error as ApiError | undefined)?.error?.details;
    if (Array.isArray(details) && details.some((d) => typeof d?.path === 'string' && typeof d?.message === 'string')) setServerViolations(details as Violation[]);
    setError(errorMessage(answer.error));
    summary.current?.focus();
  };

  const problems = all.length;
  return (
    <form className="builder" onSubmit={(e) => void save(e)} noValidate aria-label="Template builder">
      <div className="builder-form">
        <div ref={summary} tabIndex={-1} className={`builder-summary ${problems > 0 && attempted ? 'has-problems' : ''}`} aria-live="polite" data-testid="builder-summary">
          {error ? <p className="form-error" role="alert">{error}</p> : null}
          {problems === 0 ? <p className="ok-text">✓ Meets WhatsApp&apos;s template rules.</p> : (
            <p>{problems === 1 ? '1 thing to fix' : `${formatNumber(problems)} things to fix`} before saving.</p>
          )}
          {attempted && problems > 0 ? (
            <ul>{all.map((v, i) => <li key={i}><a href={`#${messagesByFieldKey(v, index)}`}>{v.message}</a></li>)}</ul>
          ) : null}
        </div>
        <fieldset className="builder-section">
          <legend>Template</legend>
          <Field id="tpl-name" label="Name" hint="Lowercase letters, digits and underscores, e.g. order_update." messages={visible('tpl-name')}>
            {(p) => <input {...p} value={draft.name} disabled={!!submitted} autoComplete="off" onChange={(e) => set('name', 'tpl-name')(e.target.value)} />}
          </Field>
          <div className="builder-row">
            <Field id="tpl-category" label="Category" messages={visible('tpl-category')}>
              {(p) => (
                <select {...p} value={draft.category} disabled={existing?.status === 'APPROVED'} onChange={(e) => change('tpl-category', (d) => withCategory(d, e.target.value as Category))}>
                  <option value="MARKETING">Marketing</option>
                  <option value="UTILITY">Utility</option>
                  <option value="AUTHENTICATION">Authentication</option>
                </select>
              )}
            </Field>
            <Field id="tpl-language" label="Language" messages={visible('tpl-language')}>
              {(p) => (
                <select {...p} value={draft.language} disabled={!!submitted} onChange={(e) => set('language', 'tpl-language')(e.target.value)}>
                  {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
                </select>
              )}
            </Field>
            <Field id="tpl-format" label="Variables" messages={visible('tpl-format')}>
              {(p) => (
                <select {...p} value={draft.parameterFormat} onChange={(e) => set('parameterFormat', 'tpl-format')(e.target.value as ParameterFormat)}>
                  <option value="POSITIONAL">Numbered: {'{{1}}'}</option>
                  <option value="NAMED">Named: {'{{first_name}}'}</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <HeaderSectionIfAllowed draft={draft} change={change} messages={visible} />
        <BodySection draft={draft} change={change} messages={visible} />
        <FooterSection draft={draft} change={change} messages={visible} />
        <ButtonsSection draft={draft} change={change} messages={visible} />
        <div className="row builder-actions">
          <button type="submit" disabled={busy}>{busy ? 'Saving…' : existing ? (submitted ? 'Save and send for review' : 'Save draft') : 'Save draft'}</button>
          <Link to={existing ? `/templates/${existing.id}` : '/templates'}>Cancel</Link>
        </div>
      </div>
      <aside className="builder-preview" aria-label="Preview">
        <h2>Preview</h2>
        <TemplatePreview draft={draft} />
      </aside>
    </form>
  );
}

function HeaderSectionIfAllowed(props: Parameters<typeof HeaderSection>[0]) {
  if (props.draft.category === 'AUTHENTICATION') return null;
  return <HeaderSection {...props} />;
}

/** An authentication template needs its one OTP button: switching to it adds one if there is none. */
function withCategory(d: Draft, category: Category): Draft {
  if (category !== 'AUTHENTICATION' || d.buttons.some((b) => b.type === 'OTP')) return { ...d, category };
  return { ...d, category, buttons: [...d.buttons, newButton('OTP')] };
}

const messagesByFieldKey = (v: Violation, index: ReturnType<typeof toDefinition>['index']) => [...messagesByField([v], index).keys()][0] ?? 'tpl-form';

/** What an edit sends: a draft changes whole; a submitted template only in what Meta lets change (not the category once approved). */
function editBody(definition: Record<string, unknown>, status: string): { components?: unknown[]; category?: string; [key: string]: unknown } {
  if (status === 'DRAFT') return definition;
  const { components, parameter_format, category } = definition as { components: unknown[]; parameter_format: string; category: string };
  return status === 'APPROVED' ? { components, parameter_format } : { components, parameter_format, category };
}
