import { escapeHtml } from '../lib/html.ts';
import { CATEGORY_IDS, categoryLabel, type ReportCategory } from './categories.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './evidence.ts';
import { POW_FORM_SCRIPT } from './pow-script.ts';
import { MAX_DESCRIPTION } from './report-input.ts';

/**
 * The public report pages, rendered on the server with every value escaped. The form carries one inline script
 * (the proof of work, pow-script.ts) and one stylesheet, both allowed by the response's nonce and nothing else.
 */
export function reportPageCsp(nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'none'; connect-src 'none'; `
    + `form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c1e21}
h1{font-size:1.4rem}label{display:block;margin:.9rem 0 .3rem;font-weight:600}fieldset{border:1px solid #ccd;margin:1rem 0;padding:.5rem 1rem 1rem}
input[type=email],input[type=tel],input[type=text],select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
textarea{min-height:8rem}.hint{color:#555;font-size:.9rem}.error{color:#b00020}button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}
.reference{font-family:ui-monospace,monospace;font-size:1.2rem}`;

function layout(title: string, nonce: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body>${body}${script ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`;
}

export type FormValues = Partial<Record<'reporter_email' | 'reporter_phone' | 'reported_business' | 'reported_phone' | 'category' | 'description', string>>;

export function renderReportForm(p: { nonce: string; csrfToken: string; challenge: string; values?: FormValues; errors?: string[] }): string {
  const v = p.values ?? {};
  const value = (name: keyof FormValues) => escapeHtml(v[name] ?? '');
  const options = CATEGORY_IDS.map((c: ReportCategory) => `<option value="${c}"${v.category === c ? ' selected' : ''}>${escapeHtml(categoryLabel(c))}</option>`).join('');
  const errors = p.errors?.length
    ? `<div class="error" role="alert" id="errors"><p>Please check the report:</p><ul>${p.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>${
      p.values ? '<p>Attach your files again.</p>' : ''}</div>`
    : '';
  return layout('Report a violation', p.nonce, `
<h1>Report misuse of Xpecto</h1>
<p>Did a business message you on WhatsApp through Xpecto without your consent, or with spam, fraud, phishing or other
content our <a href="/legal/aup">Acceptable Use Policy</a> forbids? Tell us. The business is not told who you are.</p>
${errors}
<form id="report-form" method="post" action="/report" enctype="multipart/form-data">
<input type="hidden" name="csrf_token" value="${escapeHtml(p.csrfToken)}">
<input type="hidden" name="pow_challenge" value="${escapeHtml(p.challenge)}">
<input type="hidden" name="pow_counter" value="">
<fieldset><legend>The business</legend>
<label for="reported_business">Business name</label>
<input type="text" id="reported_business" name="reported_business" maxlength="200" value="${value('reported_business')}">
<label for="reported_phone">Its WhatsApp number</label>
<input type="tel" id="reported_phone" name="reported_phone" maxlength="32" placeholder="+1 202 555 0100" value="${value('reported_phone')}">
<p class="hint">One of the two is enough; the number, with its country code, lets us find the account.</p></fieldset>
<label for="category">What happened</label>
<select id="category" name="category" required>${options}</select>
<label for="description">Describe it</label>
<textarea id="description" name="description" required maxlength="${MAX_DESCRIPTION}">${value('description')}</textarea>
<label for="evidence">Screenshots or message logs (optional)</label>
<input type="file" id="evidence" name="evidence" multiple accept="image/png,image/jpeg,image/webp,text/plain,application/pdf,.txt,.pdf">
<p class="hint">Up to ${MAX_EVIDENCE_FILES} files of at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB: PNG, JPEG or WebP screenshots, text or PDF logs.</p>
<fieldset><legend>How we reach you</legend>
<label for="reporter_email">Your email</label>
<input type="email" id="reporter_email" name="reporter_email" maxlength="254" autocomplete="email" value="${value('reporter_email')}">
<label for="reporter_phone">Or your phone number</label>
<input type="tel" id="reporter_phone" name="reporter_phone" maxlength="32" autocomplete="tel" value="${value('reporter_phone')}">
<p class="hint">With an email we send you the reference now and the outcome later.</p></fieldset>
<noscript><p class="error">This form runs a small anti-spam computation in your browser, which needs JavaScript.
Without it, write to support@xpectoitsolutions.com with the same details.</p></noscript>
<p id="pow-status" class="hint" aria-live="polite"></p>
<button type="submit">Send the report</button>
</form>`, POW_FORM_SCRIPT);
}

export function renderAcknowledgement(p: { nonce: string; reference: string; statusUrl: string; emailed: boolean }): string {
  return layout('Report received', p.nonce, `<h1>Thank you: your report is received</h1>
<p>Your reference is <strong class="reference" id="reference">${escapeHtml(p.reference)}</strong>. Keep it private: it opens
<a href="${escapeHtml(p.statusUrl)}">your report's page</a>, where its status is shown.</p>
<p>${p.emailed ? 'We have emailed you the reference, and will write again when the report is decided.' : 'Note the reference: you gave no email, so we cannot write to you.'}</p>`);
}

export function renderStatusPage(p: { nonce: string; reference: string; category: ReportCategory; receivedAt: Date; status: 'received' | 'closed'; outcome: string | null; decidedAt: Date | null }): string {
  const state = p.status === 'closed'
    ? `<p id="status">Decided on ${escapeHtml(p.decidedAt?.toISOString().slice(0, 10) ?? '')}.</p><p id="outcome">${escapeHtml(p.outcome ?? '')}</p>`
    : '<p id="status">Received: our trust and safety team is looking into it.</p>';
  return layout(`Report ${p.reference}`, p.nonce, `<h1>Report <span class="reference">${escapeHtml(p.reference)}</span></h1>
<p>${escapeHtml(categoryLabel(p.category))}, received on ${escapeHtml(p.receivedAt.toISOString().slice(0, 10))}.</p>${state}`);
}

export function renderMessagePage(p: { nonce: string; title: string; message: string }): string {
  return layout(p.title, p.nonce, `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.message)}</p>`);
}
