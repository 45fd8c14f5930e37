import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cookieValue, csrfTokenValid, issueCsrfToken } from '../contacts/opt-in/csrf.ts';
import type { Deps } from '../deps.ts';
import { sendHtmlPage } from '../http/html-page.ts';
import { errorResponses } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { CATEGORY_IDS, type ReportCategory } from './categories.ts';
import { issueChallenge, POW_BITS } from './challenge.ts';
import { fileReport, type FiledReport } from './file-report.ts';
import { countReportAttempt, REPORT_ATTEMPTS_PER_HOUR } from './rate-limit.ts';
import { MULTIPART_LIMITS, readMultipartSubmission } from './read-submission.ts';
import { normalizeReference } from './reference.ts';
import { renderAcknowledgement, renderMessagePage, renderReportForm, renderStatusPage, reportPageCsp, type FormValues } from './report-page.ts';
import { REPORT_FIELDS } from './report-input.ts';
import { findReportByReference } from './store.ts';

const CSRF_COOKIE = 'xp_report_csrf';
// Bound into the CSRF signature: no organization's slug can contain a colon, so no opt-in token passes here.
const CSRF_BINDING = 'report:form';

const filedSchema = {
  type: 'object',
  properties: {
    reference: { type: 'string', description: 'RPT-XXXX-XXXX-XXXX-XXXX: keep it private, it opens the status page' },
    status: { type: 'string', enum: ['received'] },
    category: { type: 'string', enum: CATEGORY_IDS },
    clause: { type: 'string' },
    status_url: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    evidence: { type: 'array', items: { type: 'object', properties: { filename: { type: ['string', 'null'] }, mime_type: { type: 'string' }, size_bytes: { type: 'integer' }, sha256: { type: 'string' } } } },
  },
} as const;

/**
 * Violation reports from the public (AUP 5): the form at /report and POST /v1/reports, no login. Every
 * submission is counted per source address in the database, and needs a solved proof-of-work challenge
 * (decision 0020). The form's routes answer with pages; the API with JSON.
 */
export function reportRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    // Encapsulated here: evidence files are the only multipart these routes read, at these limits.
    await app.register(multipart, { limits: MULTIPART_LIMITS });

    app.get('/v1/reports/challenge', {
      schema: {
        tags: ['Reports'], summary: 'A proof-of-work challenge for one report',
        description: `Find a decimal \`counter\` such that sha256(challenge + counter), as bytes, starts with \`difficulty_bits\` zero bits (${POW_BITS} now: about ${2 ** POW_BITS} hashes), then send both with the report as \`pow_challenge\` and \`pow_counter\`. A challenge is good for one report, until it expires.`,
        response: { 200: { type: 'object', properties: { challenge: { type: 'string' }, difficulty_bits: { type: 'integer' }, expires_at: { type: 'string', format: 'date-time' }, algorithm: { type: 'string' } } } },
      },
    }, async () => {
      const c = issueChallenge(deps.sealer, deps.clock.now());
      return { challenge: c.challenge, difficulty_bits: c.bits, expires_at: c.expiresAt.toISOString(), algorithm: 'sha256(challenge + counter) has difficulty_bits leading zero bits' };
    });

    app.post('/v1/reports', {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['Reports'], summary: 'Report a violation of the Acceptable Use Policy (public, no API key)',
        description: [
          'JSON, or multipart/form-data when attaching evidence (files in `evidence` parts; base64 in JSON is not taken).',
          'Fields: `reporter_email` and/or `reporter_phone` (E.164); `reported_business` and/or `reported_phone` (the WhatsApp number that wrote to you, with its country code);',
          `\`category\` (${CATEGORY_IDS.join(', ')}: AUP 3.1 to 3.6, or other); \`description\`; \`pow_challenge\` and \`pow_counter\` (GET /v1/reports/challenge).`,
          'Evidence: up to 5 files of 5 MB, PNG/JPEG/WebP screenshots or text/PDF logs, typed from their bytes.',
          `At most ${REPORT_ATTEMPTS_PER_HOUR} submissions per source address per hour (429 with Retry-After). The reported business never learns who reported it.`,
        ].join('\n\n'),
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: filedSchema, ...errorResponses(400, 403, 413, 415, 422, 429) },
      },
    }, async (request, reply) => {
      await countAttempt(deps, request, reply);
      let submission: { fields: Record<string, unknown>; files: Awaited<ReturnType<typeof readMultipartSubmission>>['files'] };
      if (request.isMultipart()) submission = await readMultipartSubmission(request);
      else if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
        const body = request.body as Record<string, unknown>;
        if ('evidence' in body) throw new AppError('validation_failed', { details: [{ path: 'body.evidence', message: 'attach files as multipart/form-data "evidence" parts' }] });
        submission = { fields: body, files: [] };
      } else throw new AppError('validation_failed', { message: 'Send the report as a JSON object or as multipart/form-data.' });
      const filed = await fileReport(deps, { ...submission, ip: request.ip, source: 'api', statusUrl: statusUrlOf(deps, request), requestId: request.id });
      return reply.status(201).send(view(filed));
    });

    app.get('/report', { schema: { tags: ['Reports'], summary: 'The public report form (HTML)' } }, async (_request, reply) => {
      return sendForm(deps, reply, newNonce(), 200, {});
    });

    app.post('/report', {
      bodyLimit: 32 * 1024 * 1024,
      schema: { tags: ['Reports'], summary: 'Submit the report form (multipart/form-data, HTML answer)' },
    }, async (request, reply) => {
      const nonce = newNonce();
      const now = deps.clock.now();
      const limit = await countReportAttempt(deps.db, deps.sealer, request.ip, now);
      if (!limit.allowed) {
        reply.header('retry-after', String(limit.retryAfterSeconds));
        return sendPage(reply, nonce, 429, renderMessagePage({ nonce, title: 'Too many reports', message: 'Please wait an hour before sending another report, or write to support@xpectoitsolutions.com.' }));
      }
      if (!request.isMultipart()) return sendForm(deps, reply, nonce, 415, { errors: ['Send the form from this page.'] });
      let submission;
      try {
        submission = await readMultipartSubmission(request);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return sendForm(deps, reply, nonce, error.status, { errors: messagesOf(error) });
      }
      const values = formValues(submission.fields);
      if (!csrfTokenValid(deps.sealer, CSRF_BINDING, submission.fields['csrf_token'], cookieValue(request.headers.cookie, CSRF_COOKIE), now)) {
        return sendForm(deps, reply, nonce, 403, { values, errors: ['This form has expired. Please send it again from this page.'] });
      }
      try {
        const filed = await fileReport(deps, { ...submission, ip: request.ip, source: 'form', statusUrl: statusUrlOf(deps, request), requestId: request.id });
        const emailed = typeof values.reporter_email === 'string' && values.reporter_email.trim() !== '';
        return sendPage(reply, nonce, 200, renderAcknowledgement({ nonce, reference: filed.reference, statusUrl: filed.statusUrl, emailed }));
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        return sendForm(deps, reply, nonce, error.status, { values, errors: messagesOf(error) });
      }
    });

    app.get<{ Params: { reference: string } }>('/report/:reference', {
      schema: { tags: ['Reports'], summary: 'A report\'s status page (HTML), opened with its reference', params: { type: 'object', required: ['reference'], properties: { reference: { type: 'string', maxLength: 64 } } } },
    }, async (request, reply) => {
      const nonce = newNonce();
      const reference = normalizeReference(request.params.reference);
      const report = reference ? await findReportByReference(deps.db, reference) : undefined;
      if (!report) return sendPage(reply, nonce, 404, renderMessagePage({ nonce, title: 'No such report', message: 'Check the reference: it is in the acknowledgement you received.' }));
      return sendPage(reply, nonce, 200, renderStatusPage({
        nonce, reference: report.reference, category: report.category as ReportCategory, receivedAt: report.created_at,
        status: report.status, outcome: report.outcome, decidedAt: report.outcome_at,
      }));
    });
  };
}

async function countAttempt(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const limit = await countReportAttempt(deps.db, deps.sealer, request.ip, deps.clock.now());
  if (limit.allowed) return;
  reply.header('retry-after', String(limit.retryAfterSeconds));
  throw new AppError('rate_limited', { message: `At most ${REPORT_ATTEMPTS_PER_HOUR} reports per hour from one address.`, details: { retry_after_seconds: limit.retryAfterSeconds } });
}

function view(f: FiledReport) {
  return {
    reference: f.reference, status: f.status, category: f.category, clause: f.clause, status_url: f.statusUrl, created_at: f.createdAt.toISOString(),
    evidence: f.evidence.map((e) => ({ filename: e.filename, mime_type: e.mimeType, size_bytes: e.sizeBytes, sha256: e.sha256 })),
  };
}

function sendForm(deps: Deps, reply: FastifyReply, nonce: string, status: number, extra: { values?: FormValues; errors?: string[] }) {
  const now = deps.clock.now();
  const csrf = issueCsrfToken(deps.sealer, CSRF_BINDING, now);
  const secure = deps.config.publicUrl?.startsWith('https:') ? '; Secure' : '';
  reply.header('set-cookie', `${CSRF_COOKIE}=${csrf.nonce}; Path=/report; HttpOnly; SameSite=Strict; Max-Age=7200${secure}`);
  const challenge = issueChallenge(deps.sealer, now).challenge;
  return sendPage(reply, nonce, status, renderReportForm({ nonce, csrfToken: csrf.token, challenge, ...extra }));
}

function sendPage(reply: FastifyReply, nonce: string, status: number, html: string) {
  return sendHtmlPage(reply, html, { csp: reportPageCsp(nonce), status });
}

function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

function formValues(fields: Record<string, string>): FormValues {
  return Object.fromEntries(REPORT_FIELDS.filter((f) => typeof fields[f] === 'string').map((f) => [f, fields[f]!]));
}

const FIELD_LABELS: Record<string, string> = {
  'body.reporter_email': 'Your email', 'body.reporter_phone': 'Your phone number', 'body.reported_business': 'The business',
  'body.reported_phone': 'Its WhatsApp number', 'body.category': 'What happened', 'body.description': 'Description', 'body.evidence': 'Files',
};

/** An error as lines a person reads: each field's problem, or the error's message. */
function messagesOf(error: AppError): string[] {
  if (error.code === 'proof_of_work_required') return ['The form\'s anti-spam check did not run: it needs JavaScript. Or write to support@xpectoitsolutions.com.'];
  if (error.code === 'proof_of_work_invalid') return ['The form\'s anti-spam check has expired. Please send the form again.'];
  const details = Array.isArray(error.details) ? (error.details as { path?: string; message?: string; filename?: string | null }[]) : [];
  if (error.code === 'validation_failed' && details.length > 0) {
    return details.map((d) => {
      const label = FIELD_LABELS[d.path ?? ''] ?? (d.path?.startsWith('body.evidence') ? 'Files' : d.path ?? '');
      return `${label}: ${d.message ?? 'is not valid'}`;
    });
  }
  const file = details[0]?.filename;
  return [file ? `${file}: ${error.message}` : error.message];
}

/** Where people reach the platform: the configured public URL, else the address this request came to. */
function statusUrlOf(deps: Deps, request: FastifyRequest) {
  const base = (deps.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  return (reference: string) => `${base}/report/${reference}`;
}
