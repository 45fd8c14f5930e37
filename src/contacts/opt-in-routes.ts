import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { sendHtmlPage } from '../http/html-page.ts';
import { orgOf } from '../http/auth.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { sha256Hex } from '../lib/secrets.ts';
import { findOrganization, findOrganizationBySlugUnscoped, type Organization } from '../tenancy/store.ts';
import { loadConsentSettings, updateConsentSettings, type ConsentSettings, type ConsentSettingsPatch } from './consent-settings.ts';
import { captureWebOptIn } from './opt-in/capture-web-opt-in.ts';
import { CSRF_COOKIE, cookieValue, csrfTokenValid, issueCsrfToken } from './opt-in/csrf.ts';
import { consentText, pageCsp, renderMessagePage, renderOptInPage, renderThankYouPage } from './opt-in/hosted-page.ts';
import { optInLink } from './opt-in/opt-in-link.ts';
import { countFormAttempt } from './opt-in/rate-limit.ts';
import { normalizePhone } from './phone.ts';

const keywordList = { type: ['array', 'null'], minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 40 } };
const settingsText = { type: ['string', 'null'], minLength: 1, maxLength: 1024, description: 'May say {business}, {opt_in_keyword}, {opt_out_keyword}.' };
const templateRef = {
  type: ['object', 'null'], required: ['name', 'language'], additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 512 },
    language: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', minLength: 2, maxLength: 15 } } },
    components: { type: 'array', maxItems: 10, items: { type: 'object' } },
  },
};
const settingsProperties = {
  business_name: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
  opt_in_keywords: keywordList,
  opt_out_keywords: keywordList,
  marketing_opt_out_keywords: keywordList,
  opt_out_confirmation: settingsText,
  marketing_opt_out_confirmation: settingsText,
  opt_in_confirmation: settingsText,
  marketing_cap_per_24h: { type: ['integer', 'null'], minimum: 1, maximum: 100 },
  double_opt_in: { type: 'boolean' },
  double_opt_in_template: templateRef,
};
const settingsSchema = { type: 'object', properties: settingsProperties };

type SlugParams = { slug: string };
const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', maxLength: 64 } } };

/**
 * Consent settings, the embeddable opt-in link, and the hosted opt-in page (public, HTML, no API key).
 * The page's routes answer with pages, never JSON errors: a person, not a program, reads them.
 */
export function optInRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    // Encapsulated in this plugin: only the hosted form takes application/x-www-form-urlencoded.
    await app.register(formbody, { bodyLimit: 8 * 1024 });

    app.get('/v1/consent/settings', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Consent'], summary: 'Opt-in and opt-out settings',
        description: 'Keywords (matched against the whole message, normalized: case, Latin diacritics, punctuation, emoji and spacing ignored), confirmation texts, the marketing frequency cap and double opt-in. Unset fields show their defaults.',
        response: { 200: settingsSchema, ...errorResponses(401, 403) },
      },
    }, async (request) => loadConsentSettings(deps.db, orgOf(request)));

    app.patch<{ Body: ConsentSettingsPatch }>('/v1/consent/settings', {
      config: { scope: 'contacts:write' },
      schema: {
        tags: ['Consent'], summary: 'Change opt-in and opt-out settings',
        description: 'Each field given replaces the current one; `null` restores the default. A keyword may sit in one list only; the opt-in confirmation must name the business and WhatsApp; double opt-in needs an approved template.',
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: settingsProperties },
        response: { 200: settingsSchema, ...errorResponses(400, 401, 403, 422) },
      },
    }, async (request) => updateConsentSettings(deps.db, orgOf(request), request.body));

    app.get('/v1/consent/opt-in-link', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Consent'], summary: 'The hosted opt-in page and links to it',
        description: 'The page URL, an HTML link to embed, and a wa.me link per phone number that opens WhatsApp with the opt-in keyword.',
        response: {
          200: {
            type: 'object',
            properties: {
              page_url: { type: 'string' }, html: { type: 'string' }, keyword: { type: 'string' },
              whatsapp_links: { type: 'array', items: { type: 'object', properties: { phone_number_id: { type: 'string' }, display_phone_number: { type: 'string' }, url: { type: 'string' } } } },
            },
          },
          ...errorResponses(401, 403),
        },
      },
    }, async (request) => {
      const org = (await findOrganization(deps.db, orgOf(request)))!;
      return optInLink(deps.db, org.id, org.slug, baseUrl(deps, request), await loadConsentSettings(deps.db, org.id));
    });

    app.get<{ Params: SlugParams }>('/optin/:slug', {
      schema: { tags: ['Opt-in page'], summary: 'The hosted opt-in page (HTML)', params: slugParams },
    }, async (request, reply) => {
      const page = await openPage(deps, request, reply);
      if (!page) return reply;
      return sendForm(deps, reply, page, 200, {});
    });

    app.post<{ Params: SlugParams; Body: Record<string, unknown> | undefined }>('/optin/:slug', {
      schema: { tags: ['Opt-in page'], summary: 'Submit the hosted opt-in form (application/x-www-form-urlencoded)', params: slugParams },
    }, async (request, reply) => {
      const page = await openPage(deps, request, reply);
      if (!page) return reply;
      const now = deps.clock.now();
      const limit = await countFormAttempt(deps.db, page.org.id, request.ip, now);
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return sendPage(reply, page.nonce, 429, renderMessagePage({ title: 'Too many attempts', message: 'Please wait a while before trying again.', nonce: page.nonce }));
      }
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      if (!csrfTokenValid(deps.sealer, page.org.slug, body['csrf_token'], cookieValue(request.headers.cookie, CSRF_COOKIE), now)) {
        return sendPage(reply, page.nonce, 403, renderMessagePage({
          title: 'This form has expired', nonce: page.nonce,
          message: 'Open the subscription page again and submit the form from there.',
        }));
      }
      const phoneInput = typeof body['phone'] === 'string' ? body['phone'].slice(0, 64) : '';
      const text = consentText(page.settings);
      // The wording a person saw must be the wording stored: if the settings changed since the page was served, ask again.
      if (body['consent_version'] !== textVersion(text)) {
        return sendForm(deps, reply, page, 409, { phone: phoneInput, error: 'The wording of this agreement has changed. Please read it again.' });
      }
      if (body['consent'] !== 'yes') {
        return sendForm(deps, reply, page, 400, { phone: phoneInput, error: 'Tick the box to agree to receive messages, or close this page.' });
      }
      const phone = normalizePhone(phoneInput, page.org.default_country);
      if (!phone.ok) return sendForm(deps, reply, page, 400, { phone: phoneInput, error: phone.reason });
      try {
        const result = await captureWebOptIn(deps, { orgId: page.org.id, defaultCountry: page.org.default_country }, page.settings, {
          phone: phone.e164,
          proof: { text, url: page.url, ip: request.ip, user_agent: String(request.headers['user-agent'] ?? '').slice(0, 512) },
        });
        const stopWord = page.settings.opt_out_keywords[0] ?? 'STOP';
        return sendPage(reply, page.nonce, 200, renderThankYouPage({ businessName: page.settings.business_name, nonce: page.nonce, pending: result.pending, stopWord }));
      } catch (error) {
        // The confirmation template could not be sent (no number connected, template no longer approved): the business must fix it.
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        request.log.warn({ orgId: page.org.id, code: error.code }, 'hosted opt-in could not start double opt-in');
        return sendPage(reply, page.nonce, 503, renderMessagePage({ title: 'Subscriptions are paused', message: 'Please try again later.', nonce: page.nonce }));
      }
    });
  };
}

type Page = { org: Organization; settings: ConsentSettings; url: string; nonce: string };

/** The organization behind the slug (unscoped: the public page is how the tenant becomes known), or a 404 page. */
async function openPage(deps: Deps, request: FastifyRequest<{ Params: SlugParams }>, reply: FastifyReply): Promise<Page | null> {
  const nonce = randomBytes(16).toString('base64url');
  const org = await findOrganizationBySlugUnscoped(deps.db, request.params.slug);
  if (!org || org.status !== 'active') {
    sendPage(reply, nonce, 404, renderMessagePage({ title: 'Page not found', message: 'There is no subscription page at this address.', nonce }));
    return null;
  }
  const settings = await loadConsentSettings(deps.db, org.id);
  return { org, settings, url: `${baseUrl(deps, request)}/optin/${encodeURIComponent(org.slug)}`, nonce };
}

function sendForm(deps: Deps, reply: FastifyReply, page: Page, status: number, extra: { phone?: string; error?: string }) {
  const { token, nonce: csrfNonce } = issueCsrfToken(deps.sealer, page.org.slug, deps.clock.now());
  const secure = page.url.startsWith('https:') ? '; Secure' : '';
  reply.header('set-cookie', `${CSRF_COOKIE}=${csrfNonce}; Path=/optin/${encodeURIComponent(page.org.slug)}; HttpOnly; SameSite=Strict; Max-Age=7200${secure}`);
  const text = consentText(page.settings);
  const html = renderOptInPage({
    businessName: page.settings.business_name, consentText: text, consentVersion: textVersion(text),
    action: `/optin/${encodeURIComponent(page.org.slug)}`, csrfToken: token, nonce: page.nonce, ...extra,
  });
  return sendPage(reply, page.nonce, status, html);
}

function sendPage(reply: FastifyReply, nonce: string, status: number, html: string) {
  return sendHtmlPage(reply, html, { csp: pageCsp(nonce), status });
}

function textVersion(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

/** Where people reach the platform: the configured public URL, else the address this request came to. */
function baseUrl(deps: Deps, request: FastifyRequest): string {
  return (deps.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
