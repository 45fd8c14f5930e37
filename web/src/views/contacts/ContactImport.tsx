import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { consentTextProblem } from '../../../../src/contacts/import/mapping.ts';
import { api, errorMessage, type ApiError } from '../../api/client.ts';
import { FieldMessages } from '../../components/Field.tsx';
import { formatNumber } from '../../format.ts';
import { Card, Page, useLoad } from '../../ui.tsx';
import { guessColumn, previewCsv, type CsvPreview } from './csv-preview.ts';
import { RecentImports } from './RecentImports.tsx';

type Fields = { phone: string; name: string; language: string; time_zone: string; tags: string };
type Source = { from: 'column' | 'value' | 'none'; column: string; value: string };
type Consent = {
  record: boolean; purpose: 'marketing' | 'utility' | 'authentication' | 'all'; state: Source;
  text: Source; url: Source; source: Source; captured_at: string; ip: string;
};

const FIELD_LABELS: [keyof Fields, string][] = [['phone', 'Phone number'], ['name', 'Name'], ['language', 'Language'], ['time_zone', 'Time zone'], ['tags', 'Tags']];

/**
 * CSV import in three steps: choose the file (its header and first rows are read here, in the browser), say
 * which column holds what and how consent was given, then upload it and follow the progress.
 */
export function ContactImport() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [fields, setFields] = useState<Fields>({ phone: '', name: '', language: '', time_zone: '', tags: '' });
  const [attributes, setAttributes] = useState<Record<string, string>>({});
  const [addTags, setAddTags] = useState('');
  const [country, setCountry] = useState('');
  const [consent, setConsent] = useState<Consent>(noConsent(''));
  const [problem, setProblem] = useState<{ message: string; details: { path: string; message: string }[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const definitions = useLoad(() => api.GET('/v1/contact-attributes'), []);
  const settings = useLoad(() => api.GET('/v1/consent/settings'), []);

  const choose = async (chosen: File | undefined) => {
    setProblem(null);
    setPreview(null);
    setFile(chosen ?? null);
    if (!chosen) return;
    const read = await previewCsv(chosen);
    if (!read.ok) { setReadError(read.reason); return; }
    setReadError(null);
    const { header } = read.preview;
    setPreview(read.preview);
    setFields({ phone: guessColumn(header, 'phone'), name: guessColumn(header, 'name'), language: guessColumn(header, 'language'), time_zone: guessColumn(header, 'time_zone'), tags: guessColumn(header, 'tags') });
    setAttributes(Object.fromEntries((definitions.data?.data ?? []).map((d) => [d.key!, header.find((h) => [d.key, d.label].some((n) => n && n.toLowerCase() === h.toLowerCase())) ?? ''])));
    setConsent(noConsent(guessColumn(header, 'consent'), header));
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !preview) return;
    setBusy(true);
    setProblem(null);
    const form = new FormData();
    // The mapping goes before the file: the platform checks it as soon as the header arrives.
    form.append('mapping', JSON.stringify(mappingOf(fields, attributes, addTags, country, preview.delimiter)));
    if (consent.record) form.append('consent', JSON.stringify(consentOf(consent)));
    form.append('file', file, file.name);
    // The parts are typed in the OpenAPI document (mapping, consent, file), but openapi-fetch takes a FormData as is.
    const { data, error } = await api.POST('/v1/contacts/imports', { body: form as never });
    setBusy(false);
    if (data?.id) { navigate(`/contacts/imports/${data.id}`); return; }
    const details = (error as ApiError | undefined)?.error?.details;
    setProblem({ message: errorMessage(error), details: Array.isArray(details) ? details as { path: string; message: string }[] : [] });
  };

  const columns = preview?.header ?? [];
  const columnSelect = (id: string, value: string, onChange: (v: string) => void, none = '— Not imported —') => (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {columns.map((c) => <option key={c} value={c}>{c}</option>)}
    </select>
  );

  return (
    <Page title="Import contacts" actions={<Link to="/contacts">← All contacts</Link>}>
      <form onSubmit={(e) => void start(e)} className="import-form" aria-label="Import contacts from a CSV file">
        <Card title="1. Choose a CSV file">
          <div className="field">
            <label htmlFor="import-file">CSV file</label>
            <input id="import-file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="import-file-hint" onChange={(e) => void choose(e.target.files?.[0])} />
            <p id="import-file-hint" className="hint">UTF-8 text with a header row naming the columns. Numbers may be written in any common format; national numbers are read in your country unless you choose another below.</p>
          </div>
          {readError ? <p className="form-error" role="alert">{readError}</p> : null}
          {file && preview ? <p className="muted">{file.name}: {formatNumber(file.size)} bytes, {formatNumber(columns.length)} columns.</p> : null}
        </Card>
        {preview ? (
          <>
            <Card title="2. Match the columns">
              {/* Scrolls sideways when the file has many columns: focusable so the keyboard can scroll it too. */}
              <div className="table-wrap sample" tabIndex={0} role="region" aria-label="The file's first rows">
                <table>
                  <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
                  <tbody>{preview.rows.map((r, i) => <tr key={i}>{columns.map((c, j) => <td key={c}>{r[j] ?? ''}</td>)}</tr>)}</tbody>
                </table>
              </div>
              <div className="mapping-grid">
                {FIELD_LABELS.map(([key, label]) => (
                  <div className="field" key={key}>
                    <label htmlFor={`map-${key}`}>{label}{key === 'phone' ? ' (required)' : ''}</label>
                    {columnSelect(`map-${key}`, fields[key], (v) => setFields((f) => ({ ...f, [key]: v })), key === 'phone' ? '— Choose the column —' : undefined)}
                  </div>
                ))}
                {(definitions.data?.data ?? []).map((d) => (
                  <div className="field" key={d.key}>
                    <label htmlFor={`map-attr-${d.key}`}>{d.label || d.key} <span className="muted">({d.type})</span></label>
                    {columnSelect(`map-attr-${d.key}`, attributes[d.key!] ?? '', (v) => setAttributes((a) => ({ ...a, [d.key!]: v })))}
                  </div>
                ))}
                <div className="field">
                  <label htmlFor="map-add-tags">Tag every imported contact</label>
                  <input id="map-add-tags" value={addTags} onChange={(e) => setAddTags(e.target.value)} placeholder="spring-fair, 2026" aria-describedby="map-add-tags-hint" />
                  <p id="map-add-tags-hint" className="hint">Separate tags with commas.</p>
                </div>
                <div className="field">
                  <label htmlFor="map-country">Country of national numbers</label>
                  <input id="map-country" value={country} maxLength={2} onChange={(e) => setCountry(e.target.value.toUpperCase())} placeholder="US" aria-describedby="map-country-hint" />
                  <p id="map-country-hint" className="hint">Two letters (ISO 3166). Empty: your organization&apos;s country.</p>
                </div>
              </div>
            </Card>
            <ConsentCard consent={consent} setConsent={setConsent} columnSelect={columnSelect} businessName={settings.data?.business_name ?? null} />
            <Card title="3. Import">
              {problem ? (
                <div className="form-error" role="alert">
                  <p>{problem.message}</p>
                  {problem.details.length > 0 ? <ul>{problem.details.map((d, i) => <li key={i}><code>{d.path}</code>: {d.message}</li>)}</ul> : null}
                </div>
              ) : null}
              <p className="hint">Rows that cannot be imported are skipped and listed, with the reason, in a report you can download when the import ends. An import never opts a contact back in after they opted out.</p>
              <button type="submit" disabled={busy || !fields.phone}>{busy ? 'Uploading…' : 'Start import'}</button>
            </Card>
          </>
        ) : null}
      </form>
      <RecentImports />
    </Page>
  );
}

function ConsentCard({ consent, setConsent, columnSelect, businessName }: {
  consent: Consent; setConsent: (f: (c: Consent) => Consent) => void; businessName: string | null;
  columnSelect: (id: string, value: string, onChange: (v: string) => void, none?: string) => ReactNode;
}) {
  const set = (patch: Partial<Consent>) => setConsent((c) => ({ ...c, ...patch }));
  // The platform's own rule for the words of an opt-in (AUP 2), checked as they are typed; the upload checks it again.
  const optsIn = consent.state.from === 'column' || consent.state.value === 'opted_in';
  const textProblem = consent.text.from === 'value' && consent.text.value !== '' && optsIn && businessName !== null
    ? consentTextProblem(consent.text.value, businessName) : null;
  const source = (key: 'state' | 'text' | 'url' | 'source', label: string, valueLabel: string, options: { optional: boolean; long?: boolean }) => {
    const s = consent[key];
    const update = (patch: Partial<Source>) => set({ [key]: { ...s, ...patch } } as Partial<Consent>);
    return (
      <fieldset className="source-field">
        <legend>{label}</legend>
        <div className="row">
          <label className="radio"><input type="radio" name={`consent-${key}`} checked={s.from === 'column'} onChange={() => update({ from: 'column' })} /> From a column</label>
          <label className="radio"><input type="radio" name={`consent-${key}`} checked={s.from === 'value'} onChange={() => update({ from: 'value' })} /> The same for every row</label>
          {options.optional ? <label className="radio"><input type="radio" name={`consent-${key}`} checked={s.from === 'none'} onChange={() => update({ from: 'none' })} /> None</label> : null}
        </div>
        {s.from === 'column' ? (
          <div className="field"><label htmlFor={`consent-${key}-column`}>Column</label>{columnSelect(`consent-${key}-column`, s.column, (v) => update({ column: v }), '— Choose the column —')}</div>
        ) : null}
        {s.from === 'value' && key === 'state' ? (
          <div className="field">
            <label htmlFor="consent-state-value">{valueLabel}</label>
            <select id="consent-state-value" value={s.value} onChange={(e) => update({ value: e.target.value })}>
              <option value="opted_in">Opted in</option>
              <option value="opted_out">Opted out</option>
            </select>
          </div>
        ) : null}
        {s.from === 'value' && key !== 'state' ? (
          <div className="field">
            <label htmlFor={`consent-${key}-value`}>{valueLabel}</label>
            {options.long
              ? <textarea id={`consent-${key}-value`} rows={3} value={s.value} onChange={(e) => update({ value: e.target.value })} {...described(`consent-${key}-value`, key === 'text' ? textProblem : null)} />
              : <input id={`consent-${key}-value`} value={s.value} onChange={(e) => update({ value: e.target.value })} />}
            {key === 'text' ? <FieldMessages id="consent-text-value-error" messages={textProblem ? [textProblem] : undefined} /> : null}
          </div>
        ) : null}
      </fieldset>
    );
  };
  return (
    <Card title="Consent">
      <div className="check">
        <input id="consent-record" type="checkbox" checked={consent.record} onChange={(e) => set({ record: e.target.checked })} />
        <label htmlFor="consent-record">Record consent from this file</label>
      </div>
      <p className="hint">Each row&apos;s consent goes to the consent ledger with the import, the file and the row as proof. An opt-in needs the exact text the customer agreed to; it must say the messages come on WhatsApp and name your business.</p>
      {consent.record ? (
        <div className="consent-grid">
          <div className="field">
            <label htmlFor="consent-purpose">For which messages</label>
            <select id="consent-purpose" value={consent.purpose} onChange={(e) => set({ purpose: e.target.value as Consent['purpose'] })}>
              <option value="marketing">Marketing</option>
              <option value="utility">Utility</option>
              <option value="authentication">Authentication</option>
              <option value="all">All messages</option>
            </select>
          </div>
          {source('state', 'Opted in or out', 'Every row is', { optional: false })}
          {source('text', 'What the customer agreed to', 'Consent text', { optional: false, long: true })}
          {source('url', 'Where (web page)', 'Address', { optional: true })}
          {source('source', 'How it was collected', 'How (e.g. "web form", "paper form at the counter")', { optional: true })}
          <div className="field"><label htmlFor="consent-captured">When it was given (column)</label>{columnSelect('consent-captured', consent.captured_at, (v) => set({ captured_at: v }), '— Not in the file —')}</div>
          <div className="field"><label htmlFor="consent-ip">IP address (column)</label>{columnSelect('consent-ip', consent.ip, (v) => set({ ip: v }), '— Not in the file —')}</div>
        </div>
      ) : null}
    </Card>
  );
}

const described = (id: string, problem: string | null) => (problem ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true as const } : {});

function noConsent(stateColumn: string, header: string[] = []): Consent {
  const column = (field: string) => guessColumn(header, field);
  return {
    record: false, purpose: 'marketing',
    state: stateColumn ? { from: 'column', column: stateColumn, value: 'opted_in' } : { from: 'value', column: '', value: 'opted_in' },
    text: column('consent_text') ? { from: 'column', column: column('consent_text'), value: '' } : { from: 'value', column: '', value: '' },
    url: column('consent_url') ? { from: 'column', column: column('consent_url'), value: '' } : { from: 'none', column: '', value: '' },
    source: { from: 'none', column: '', value: '' },
    captured_at: column('captured_at'), ip: column('ip'),
  };
}

/** The `mapping` form field of POST /v1/contacts/imports (src/contacts/import/mapping.ts ColumnMapping). */
function mappingOf(fields: Fields, attributes: Record<string, string>, addTags: string, country: string, delimiter: string) {
  const chosen = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
  const attrs = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== ''));
  const tags = addTags.split(',').map((t) => t.trim()).filter(Boolean);
  return {
    ...chosen, ...(Object.keys(attrs).length > 0 ? { attributes: attrs } : {}), ...(tags.length > 0 ? { add_tags: tags } : {}),
    ...(country.trim() ? { default_country: country.trim() } : {}), delimiter,
  };
}

/** The `consent` form field (ConsentMapping): each part from a column of each row, or one value for every row. */
function consentOf(c: Consent) {
  const source = (s: Source) => (s.from === 'column' ? { column: s.column } : s.from === 'value' ? { value: s.value } : undefined);
  const parts = { state: source(c.state), text: source(c.text), url: source(c.url), source: source(c.source) };
  return {
    purpose: c.purpose,
    ...Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)),
    ...(c.captured_at ? { captured_at: { column: c.captured_at } } : {}),
    ...(c.ip ? { ip: { column: c.ip } } : {}),
  };
}
