import { useRef, useState } from 'react';
import { BODY_TEXT_MAX, BUTTON_TEXT_MAX, FOOTER_TEXT_MAX, HEADER_TEXT_MAX, charCount } from '../../../../src/templates/template-rules.ts';
import { Field, FieldMessages } from '../../components/Field.tsx';
import { formatNumber } from '../../format.ts';
import { BUTTON_LABELS, newButton, variablesOf, type ButtonDraft, type ButtonType, type Draft, type HeaderFormat } from './definition.ts';

/** What every section gets: the draft, a way to change it, and the messages to show for a field id. */
export type SectionProps = {
  draft: Draft;
  change: (group: string, update: (d: Draft) => Draft) => void;
  messages: (field: string) => string[] | undefined;
};

const counter = (text: string, max: number) => `${formatNumber(charCount(text))} / ${formatNumber(max)} characters`;

export function HeaderSection({ draft, change, messages }: SectionProps) {
  const { header, parameterFormat } = draft;
  const set = (patch: Partial<Draft['header']>) => change('header', (d) => ({ ...d, header: { ...d.header, ...patch } }));
  const variables = variablesOf(header.text, parameterFormat);
  return (
    <fieldset className="builder-section">
      <legend>Header <span className="muted">(optional)</span></legend>
      <Field id="header-format" label="Header type" messages={messages('header-format')}>
        {(p) => (
          <select {...p} value={header.format} onChange={(e) => set({ format: e.target.value as HeaderFormat })}>
            <option value="NONE">No header</option>
            <option value="TEXT">Text</option>
            <option value="IMAGE">Image</option>
            <option value="VIDEO">Video</option>
            <option value="DOCUMENT">Document</option>
            <option value="LOCATION">Location</option>
          </select>
        )}
      </Field>
      {header.format === 'TEXT' ? (
        <>
          <Field id="header-text" label="Header text" hint={`One line, no formatting or emoji, at most one variable. ${counter(header.text, HEADER_TEXT_MAX)}`} messages={messages('header-text')}>
            {(p) => <input {...p} value={header.text} onChange={(e) => set({ text: e.target.value })} />}
          </Field>
          {variables.length > 0 ? (
            <Field id="header-example" label={`Example for {{${variables[0]}}} in the header`} messages={messages('header-example')}>
              {(p) => <input {...p} value={header.example} onChange={(e) => set({ example: e.target.value })} />}
            </Field>
          ) : null}
        </>
      ) : null}
      {header.format === 'IMAGE' || header.format === 'VIDEO' || header.format === 'DOCUMENT' ? (
        <Field id="header-handle" label={`Example ${header.format.toLowerCase()} handle`} messages={messages('header-handle')}
          hint="Meta reviews the header with a sample file: upload it with Meta's Resumable Upload API and paste the handle it returns. Each message then sends its own file.">
          {(p) => <input {...p} value={header.handle} onChange={(e) => set({ handle: e.target.value })} placeholder="4::aW1hZ2UvanBlZw==:ARb…" />}
        </Field>
      ) : null}
      {header.format === 'LOCATION' ? <p className="hint">Each message sends its own location (latitude, longitude, name and address).</p> : null}
    </fieldset>
  );
}

export function BodySection({ draft, change, messages }: SectionProps) {
  const { body, parameterFormat, category } = draft;
  const area = useRef<HTMLTextAreaElement>(null);
  const set = (patch: Partial<Draft['body']>) => change('body', (d) => ({ ...d, body: { ...d.body, ...patch } }));
  if (category === 'AUTHENTICATION') {
    return (
      <fieldset className="builder-section">
        <legend>Body</legend>
        <p className="hint">Meta writes the body of an authentication template: “{'{{1}}'} is your verification code.” The code is the one variable.</p>
        <div className="check">
          <input id="body-security" type="checkbox" checked={body.securityRecommendation} onChange={(e) => set({ securityRecommendation: e.target.checked })} />
          <label htmlFor="body-security">Add “For your security, do not share this code.”</label>
        </div>
        <FieldMessages id="body-security-error" messages={messages('body-security')} />
      </fieldset>
    );
  }
  const variables = variablesOf(body.text, parameterFormat);
  // The next numbered variable goes where the cursor is, so authors need not count.
  const addVariable = () => {
    const next = `{{${variables.length + 1}}}`;
    const el = area.current;
    const at = el ? el.selectionStart : body.text.length;
    set({ text: body.text.slice(0, at) + next + body.text.slice(el ? el.selectionEnd : at) });
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(at + next.length, at + next.length); });
  };
  return (
    <fieldset className="builder-section">
      <legend>Body</legend>
      <Field id="body-text" label="Body text" messages={messages('body-text')}
        hint={<>Variables: {parameterFormat === 'NAMED' ? '{{first_name}}' : '{{1}}, {{2}}…'}; formatting: *bold*, _italic_, ~strike~. {counter(body.text, BODY_TEXT_MAX)}</>}>
        {(p) => <textarea {...p} ref={area} rows={6} value={body.text} onChange={(e) => set({ text: e.target.value })} />}
      </Field>
      {parameterFormat === 'POSITIONAL' ? <button type="button" className="secondary small" onClick={addVariable}>Add variable {`{{${variables.length + 1}}}`}</button> : null}
      {variables.length > 0 ? (
        <fieldset id="body-examples" className="examples" aria-describedby={messages('body-examples') ? 'body-examples-error' : undefined}>
          <legend>Example values</legend>
          <p className="hint">Meta reviews the template with these; the preview shows them.</p>
          {variables.map((key, i) => (
            <Field key={key} id={`body-example-${i}`} label={`Example for {{${key}}}`}>
              {(p) => <input {...p} value={body.examples[key] ?? ''} onChange={(e) => set({ examples: { ...body.examples, [key]: e.target.value } })} />}
            </Field>
          ))}
          <FieldMessages id="body-examples-error" messages={messages('body-examples')} />
        </fieldset>
      ) : null}
    </fieldset>
  );
}

export function FooterSection({ draft, change, messages }: SectionProps) {
  const set = (patch: Partial<Draft['footer']>) => change('footer', (d) => ({ ...d, footer: { ...d.footer, ...patch } }));
  return (
    <fieldset className="builder-section">
      <legend>Footer <span className="muted">(optional)</span></legend>
      {draft.category === 'AUTHENTICATION' ? (
        <Field id="footer-expiration" label="Code expires after (minutes)" hint="Shown as “This code expires in N minutes.” Leave empty for no footer." messages={messages('footer-expiration')}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={1} max={90} value={draft.footer.codeExpiration} onChange={(e) => set({ codeExpiration: e.target.value })} />}
        </Field>
      ) : (
        <Field id="footer-text" label="Footer text" hint={`No variables. ${counter(draft.footer.text, FOOTER_TEXT_MAX)}`} messages={messages('footer-text')}>
          {(p) => <input {...p} value={draft.footer.text} onChange={(e) => set({ text: e.target.value })} />}
        </Field>
      )}
    </fieldset>
  );
}

export function ButtonsSection({ draft, change, messages }: SectionProps) {
  const auth = draft.category === 'AUTHENTICATION';
  const [type, setType] = useState<ButtonType>(auth ? 'OTP' : 'QUICK_REPLY');
  const chosen: ButtonType = auth ? 'OTP' : type === 'OTP' ? 'QUICK_REPLY' : type;
  const update = (i: number, patch: Partial<ButtonDraft>) =>
    change(`btn-${i}`, (d) => ({ ...d, buttons: d.buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)) }));
  const remove = (i: number) => change('buttons', (d) => ({ ...d, buttons: d.buttons.filter((_, j) => j !== i) }));
  const add = () => change('buttons', (d) => ({ ...d, buttons: [...d.buttons, newButton(chosen)] }));
  return (
    <fieldset className="builder-section" id="buttons" aria-describedby={messages('buttons') ? 'buttons-error' : undefined}>
      <legend>Buttons <span className="muted">(optional)</span></legend>
      <FieldMessages id="buttons-error" messages={messages('buttons')} />
      {draft.buttons.map((b, i) => (
        <ButtonFields key={b.key} index={i} button={b} update={(patch) => update(i, patch)} remove={() => remove(i)} messages={messages} />
      ))}
      <div className="row add-button">
        <label htmlFor="new-button-type" className="visually-hidden">Type of button to add</label>
        <select id="new-button-type" value={chosen} onChange={(e) => setType(e.target.value as ButtonType)}>
          {(auth ? ['OTP'] as ButtonType[] : ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'FLOW'] as ButtonType[]).map((t) => <option key={t} value={t}>{BUTTON_LABELS[t]}</option>)}
        </select>
        <button type="button" className="secondary" onClick={add}>Add button</button>
      </div>
    </fieldset>
  );
}

function ButtonFields({ index, button: b, update, remove, messages }: {
  index: number; button: ButtonDraft; update: (patch: Partial<ButtonDraft>) => void; remove: () => void; messages: (field: string) => string[] | undefined;
}) {
  const id = (field: string) => `btn-${index}-${field}`;
  const m = (field: string) => messages(id(field));
  const labelOptional = b.type === 'COPY_CODE' || b.type === 'OTP';
  return (
    <fieldset className="button-fields">
      <legend>Button {formatNumber(index + 1)}: {BUTTON_LABELS[b.type]}</legend>
      <FieldMessages id={`${id('type')}-error`} messages={m('type')} />
      <Field id={id('text')} label={labelOptional ? 'Label (optional: WhatsApp sets one)' : 'Label'} hint={counter(b.text, BUTTON_TEXT_MAX)} messages={m('text')}>
        {(p) => <input {...p} value={b.text} onChange={(e) => update({ text: e.target.value })} />}
      </Field>
      {b.type === 'URL' ? (
        <>
          <Field id={id('url')} label="Website address" hint="https://… — may end with {{1}} for a part that changes per message." messages={m('url')}>
            {(p) => <input {...p} type="url" value={b.url} onChange={(e) => update({ url: e.target.value })} placeholder="https://example.com/order/{{1}}" />}
          </Field>
          {b.url.includes('{{') ? (
            <Field id={id('example')} label="Example full address" messages={m('example')}>
              {(p) => <input {...p} type="url" value={b.example} onChange={(e) => update({ example: e.target.value })} />}
            </Field>
          ) : null}
        </>
      ) : null}
      {b.type === 'PHONE_NUMBER' ? (
        <Field id={id('phone')} label="Phone number" hint="International, with the country code: +15550001111." messages={m('phone')}>
          {(p) => <input {...p} type="tel" value={b.phone} onChange={(e) => update({ phone: e.target.value })} />}
        </Field>
      ) : null}
      {b.type === 'COPY_CODE' ? (
        <Field id={id('example')} label="Example offer code" messages={m('example')}>
          {(p) => <input {...p} value={b.example} onChange={(e) => update({ example: e.target.value })} />}
        </Field>
      ) : null}
      {b.type === 'OTP' ? <OtpFields b={b} id={id} m={m} update={update} /> : null}
      {b.type === 'FLOW' ? (
        <>
          <Field id={id('flow-id')} label="Flow id" hint="The published flow's id from WhatsApp Manager." messages={m('flow-id')}>
            {(p) => <input {...p} value={b.flowId} onChange={(e) => update({ flowId: e.target.value })} />}
          </Field>
          <Field id={id('flow-action')} label="Flow action" messages={m('flow-action')}>
            {(p) => (
              <select {...p} value={b.flowAction} onChange={(e) => update({ flowAction: e.target.value as ButtonDraft['flowAction'] })}>
                <option value="">Default (navigate)</option>
                <option value="navigate">Navigate to a screen</option>
                <option value="data_exchange">Data exchange with your endpoint</option>
              </select>
            )}
          </Field>
          {b.flowAction !== 'data_exchange' ? (
            <Field id={id('screen')} label="First screen (optional)">
              {(p) => <input {...p} value={b.navigateScreen} onChange={(e) => update({ navigateScreen: e.target.value })} />}
            </Field>
          ) : null}
        </>
      ) : null}
      <button type="button" className="link-button" onClick={remove}>Remove button {formatNumber(index + 1)}</button>
    </fieldset>
  );
}

function OtpFields({ b, id, m, update }: { b: ButtonDraft; id: (f: string) => string; m: (f: string) => string[] | undefined; update: (patch: Partial<ButtonDraft>) => void }) {
  return (
    <>
      <Field id={id('otp-type')} label="How the code is entered" messages={m('otp-type')}>
        {(p) => (
          <select {...p} value={b.otpType} onChange={(e) => update({ otpType: e.target.value as ButtonDraft['otpType'] })}>
            <option value="COPY_CODE">Copy code</option>
            <option value="ONE_TAP">One-tap autofill (Android)</option>
            <option value="ZERO_TAP">Zero-tap (Android)</option>
          </select>
        )}
      </Field>
      {b.otpType !== 'COPY_CODE' ? (
        <>
          <Field id={id('package')} label="Android package name" messages={m('package')}>
            {(p) => <input {...p} value={b.packageName} onChange={(e) => update({ packageName: e.target.value })} placeholder="com.example.app" />}
          </Field>
          <Field id={id('hash')} label="App signature hash" hint="11 characters.">
            {(p) => <input {...p} value={b.signatureHash} onChange={(e) => update({ signatureHash: e.target.value })} />}
          </Field>
          <Field id={id('autofill')} label="Autofill button label (optional)">
            {(p) => <input {...p} value={b.autofillText} onChange={(e) => update({ autofillText: e.target.value })} />}
          </Field>
        </>
      ) : null}
      {b.otpType === 'ZERO_TAP' ? (
        <div className="check">
          <input id={id('zero-tap')} type="checkbox" checked={b.zeroTapTerms} onChange={(e) => update({ zeroTapTerms: e.target.checked })}
            aria-describedby={m('zero-tap') ? `${id('zero-tap')}-error` : undefined} />
          <label htmlFor={id('zero-tap')}>I accept WhatsApp&apos;s zero-tap terms</label>
          <FieldMessages id={`${id('zero-tap')}-error`} messages={m('zero-tap')} />
        </div>
      ) : null}
    </>
  );
}
