import type { ReactNode } from 'react';
import { AUTH_BODY_TEXT, AUTH_SECURITY_RECOMMENDATION, authExpirationText } from '../../../../src/templates/template-rules.ts';
import type { ButtonDraft, Draft } from './definition.ts';

/**
 * What the customer sees in WhatsApp: the bubble with its header, the body with the example values in place of
 * the variables (a variable without an example stays visible as {{1}}), the footer, and the buttons below.
 */
export function TemplatePreview({ draft }: { draft: Draft }) {
  const auth = draft.category === 'AUTHENTICATION';
  const body = auth
    ? [AUTH_BODY_TEXT.replace('{{1}}', '123456'), draft.body.securityRecommendation ? AUTH_SECURITY_RECOMMENDATION : null].filter(Boolean).join(' ')
    : draft.body.text;
  const footer = auth
    ? (draft.footer.codeExpiration.trim() ? authExpirationText(Number(draft.footer.codeExpiration)) : '')
    : draft.footer.text;
  return (
    <figure className="wa-preview" aria-label="Preview as the customer sees it in WhatsApp">
      <div className="wa-chat" data-testid="template-preview">
        <div className="wa-bubble">
          {!auth ? <PreviewHeader draft={draft} /> : null}
          <div className="wa-body">{body ? withVariables(body, auth ? {} : draft.body.examples) : <span className="wa-placeholder">Your message text appears here.</span>}</div>
          {footer ? <div className="wa-footer">{footer}</div> : null}
          <div className="wa-time" aria-hidden="true">12:00</div>
        </div>
        {draft.buttons.length > 0 ? (
          <ul className="wa-buttons" aria-label="Buttons">
            {draft.buttons.map((b) => <li key={b.key}><span className="wa-button-icon" aria-hidden="true">{ICONS[b.type]}</span>{buttonLabel(b)}</li>)}
          </ul>
        ) : null}
      </div>
    </figure>
  );
}

const ICONS: Record<ButtonDraft['type'], string> = { QUICK_REPLY: '↩', URL: '↗', PHONE_NUMBER: '☎', COPY_CODE: '❐', OTP: '❐', FLOW: '☰' };

function buttonLabel(b: ButtonDraft): string {
  if (b.type === 'COPY_CODE') return b.text.trim() || 'Copy offer code';
  if (b.type === 'OTP') return b.text.trim() || (b.otpType === 'COPY_CODE' ? 'Copy code' : 'Autofill');
  return b.text.trim() || 'Button label';
}

function PreviewHeader({ draft }: { draft: Draft }) {
  const { format, text, example } = draft.header;
  if (format === 'NONE') return null;
  if (format === 'TEXT') {
    if (!text) return null;
    // A header has at most one variable: its one example stands in for whichever name it has.
    const examples = new Proxy({}, { get: () => example }) as Record<string, string>;
    return <div className="wa-header-text">{withVariables(text, examples)}</div>;
  }
  const label = { IMAGE: 'Image', VIDEO: 'Video', DOCUMENT: 'Document', LOCATION: 'Location' }[format];
  const icon = { IMAGE: '▣', VIDEO: '▶', DOCUMENT: '▤', LOCATION: '◉' }[format];
  return <div className={`wa-media wa-media-${format.toLowerCase()}`}><span aria-hidden="true">{icon}</span> {label}</div>;
}

/** The text with each {{variable}} replaced by its example, and WhatsApp's *bold* _italic_ ~strike~ ```mono``` applied. */
function withVariables(text: string, examples: Record<string, string>): ReactNode[] {
  const parts = text.split(/(\{\{[^{}]*\}\})/g);
  return parts.map((part, i) => {
    const m = /^\{\{([^{}]*)\}\}$/.exec(part);
    if (!m) return <FormattedText key={i} text={part} />;
    const value = examples[m[1] ?? ''];
    return value?.trim()
      ? <span key={i} className="wa-variable" data-variable={m[1]}>{value}</span>
      : <span key={i} className="wa-variable wa-variable-empty" data-variable={m[1]}>{part}</span>;
  });
}

function FormattedText({ text }: { text: string }) {
  const tokens = text.split(/(```[^`]+```|\*[^\s*](?:[^*\n]*[^\s*])?\*|_[^\s_](?:[^_\n]*[^\s_])?_|~[^\s~](?:[^~\n]*[^\s~])?~)/g);
  return (
    <>
      {tokens.map((t, i) => {
        if (t.startsWith('```') && t.endsWith('```') && t.length > 6) return <code key={i}>{t.slice(3, -3)}</code>;
        if (t.length > 2 && t.startsWith('*') && t.endsWith('*')) return <strong key={i}>{t.slice(1, -1)}</strong>;
        if (t.length > 2 && t.startsWith('_') && t.endsWith('_')) return <em key={i}>{t.slice(1, -1)}</em>;
        if (t.length > 2 && t.startsWith('~') && t.endsWith('~')) return <s key={i}>{t.slice(1, -1)}</s>;
        return t;
      })}
    </>
  );
}
