import { escapeHtml } from '../../lib/html.ts';
import type { ConsentSettings } from '../consent-settings.ts';

/**
 * The hosted opt-in page, rendered on the server: no script at all, one inline stylesheet allowed by its
 * nonce (see PAGE_CSP), every interpolated value escaped.
 */

/**
 * The exact words a person agrees to on the page. Stored verbatim as the proof: it names the business and
 * WhatsApp, says what will come, and how to stop it.
 */
export function consentText(settings: ConsentSettings): string {
  const stop = settings.opt_out_keywords[0] ?? 'STOP';
  return `I agree to receive messages from ${settings.business_name} on WhatsApp at the number above, `
    + `including updates about my orders and account, and offers. I can reply ${stop} at any time to stop them.`;
}

/** Strict: nothing loads from anywhere, the form posts only to this site, no other site can frame the page. */
export function pageCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

export { escapeHtml };

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1c1e21}
h1{font-size:1.4rem}label{display:block;margin:.8rem 0}input[type=tel]{width:100%;padding:.5rem;font-size:1rem}
.consent{display:flex;gap:.6rem;align-items:flex-start}.error{color:#b00020}button{padding:.6rem 1.2rem;font-size:1rem}`;

function layout(title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body>${body}</body></html>`;
}

export function renderOptInPage(p: {
  businessName: string; consentText: string; consentVersion: string; action: string; csrfToken: string; nonce: string; phone?: string; error?: string;
}): string {
  return layout(`Get messages from ${p.businessName} on WhatsApp`, p.nonce, `
<h1>Get messages from ${escapeHtml(p.businessName)} on WhatsApp</h1>
${p.error ? `<p class="error" role="alert" id="error">${escapeHtml(p.error)}</p>` : ''}
<form method="post" action="${escapeHtml(p.action)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(p.csrfToken)}">
<input type="hidden" name="consent_version" value="${escapeHtml(p.consentVersion)}">
<label for="phone">Your WhatsApp number</label>
<input type="tel" id="phone" name="phone" autocomplete="tel" required maxlength="32" value="${escapeHtml(p.phone ?? '')}">
<div class="consent"><input type="checkbox" id="consent" name="consent" value="yes">
<label for="consent" id="consent-text">${escapeHtml(p.consentText)}</label></div>
<button type="submit">Subscribe</button>
</form>`);
}

export function renderThankYouPage(p: { businessName: string; nonce: string; pending: boolean; stopWord: string }): string {
  const message = p.pending
    ? `We have sent a message to your WhatsApp. Answer it to confirm, and ${p.businessName} will start sending you messages.`
    : `You are subscribed: ${p.businessName} can now send you messages on WhatsApp. Reply ${p.stopWord} in the chat at any time to stop them.`;
  return layout('Thank you', p.nonce, `<h1>Thank you</h1><p id="result">${escapeHtml(message)}</p>`);
}

export function renderMessagePage(p: { title: string; message: string; nonce: string }): string {
  return layout(p.title, p.nonce, `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.message)}</p>`);
}
