// The Cloud API (Graph) HTTP client. Every method takes the access token explicitly because the
// platform holds many tenants' tokens; the token only ever travels in the Authorization header.

import { request } from 'undici';
import type {
  GraphErrorEnvelope, MarkReadRequest, SendMessageRequest, SendMessageResponse, SuccessResponse,
} from './types.ts';
import type {
  CreateTemplateRequest, CreateTemplateResponse, DownloadedMedia, EditTemplateRequest, ListResponse, ListTemplatesParams,
  MediaInfo, MessageTemplate, PhoneNumberInfo, UploadMediaInput, UploadMediaResponse,
} from './account-types.ts';

// The two ways a call fails. Dispatch must tell them apart: a CloudApiError means Meta answered
// and refused; a CloudApiUnreachableError may mean the message went out anyway.
// Neither ever carries the access token.
export class CloudApiError extends Error {
  override readonly name = 'CloudApiError';
  readonly httpStatus: number;
  readonly code: number;
  readonly subcode?: number;
  readonly type: string;
  readonly details?: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly fbtraceId?: string;
  /** Meta's own `is_transient` flag; false when absent. Use classifyCloudApiError for the policy. */
  readonly isTransient: boolean;

  constructor(httpStatus: number, error: GraphErrorEnvelope['error']) {
    super(error.message);
    this.httpStatus = httpStatus;
    this.code = error.code;
    this.subcode = error.error_subcode;
    this.type = error.type;
    this.details = typeof error.error_data === 'string' ? error.error_data : error.error_data?.details;
    this.userTitle = error.error_user_title;
    this.userMessage = error.error_user_msg;
    this.fbtraceId = error.fbtrace_id;
    this.isTransient = error.is_transient === true;
  }
}

export type UnreachableKind = 'timeout' | 'network';

export class CloudApiUnreachableError extends Error {
  override readonly name = 'CloudApiUnreachableError';
  readonly kind: UnreachableKind;
  /**
   * False only when the request provably never reached Meta (connection refused, DNS failure).
   * When true the outcome is unknown: check status webhooks before resending (no idempotency key).
   */
  readonly maybeDelivered: boolean;

  constructor(kind: UnreachableKind, maybeDelivered: boolean, message: string, cause?: unknown) {
    super(message, { cause });
    this.kind = kind;
    this.maybeDelivered = maybeDelivered;
  }
}

/** True when a body looks like Meta's `{error:{message, type, code}}` envelope. */
export function isGraphErrorEnvelope(body: unknown): body is GraphErrorEnvelope {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return typeof e.code === 'number' && typeof e.message === 'string';
}

export type CloudApiClientOptions = {
  /** e.g. https://graph.facebook.com, or the simulator's URL. */
  baseUrl: string;
  /** e.g. v26.0 */
  apiVersion: string;
  timeoutMs: number;
};

export type CloudApiClient = ReturnType<typeof createCloudApiClient>;

type Query = Record<string, string | number | undefined>;
type CallOptions = { query?: Query; json?: unknown; form?: FormData; binary?: boolean };

const DEFAULT_PHONE_FIELDS =
  'id,display_phone_number,verified_name,quality_rating,code_verification_status,platform_type,throughput,name_status,whatsapp_business_manager_messaging_limit';
const MAX_TEMPLATE_PAGES = 100;

// Hosts Meta serves media downloads from; anything else would receive a tenant's token.
const MEDIA_HOST_SUFFIXES = ['.fbsbx.com', '.facebook.com', '.whatsapp.net'];

export function createCloudApiClient(options: CloudApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const graph = (path: string) => `${base}/${options.apiVersion}/${path}`;

  async function call<T>(token: string, method: string, url: string, opts: CallOptions = {}): Promise<T> {
    const target = new URL(url);
    for (const [key, value] of Object.entries(opts.query ?? {})) {
      if (value !== undefined) target.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: string | Buffer | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      // Let the platform's Response encode the multipart body and its boundary.
      const encoded = new Response(opts.form);
      headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
      body = Buffer.from(await encoded.arrayBuffer());
    }
    const where = `${method} ${target.origin}${target.pathname}`;
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await request(target, { method: method as 'GET', headers, body, signal });
      const bytes = Buffer.from(await response.body.arrayBuffer());
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        if (opts.binary) {
          const type = response.headers['content-type'];
          return { bytes, mimeType: (Array.isArray(type) ? type[0] : type) ?? 'application/octet-stream' } as T;
        }
        return parseJson(bytes) as T;
      }
      throw errorFromResponse(status, bytes);
    } catch (err) {
      if (err instanceof CloudApiError) throw err;
      throw unreachable(err, signal, where, options.timeoutMs);
    }
  }

  return {
    /** POST /{phone-number-id}/messages. A 200 means accepted, not delivered. */
    sendMessage(token: string, phoneNumberId: string, body: SendMessageRequest): Promise<SendMessageResponse> {
      return call(token, 'POST', graph(`${enc(phoneNumberId)}/messages`), { json: body });
    },

    /** Marks an inbound message (and earlier ones) read; optionally shows a typing indicator. */
    markRead(token: string, phoneNumberId: string, body: MarkReadRequest): Promise<SuccessResponse> {
      return call(token, 'POST', graph(`${enc(phoneNumberId)}/messages`), { json: body });
    },

    getPhoneNumber(token: string, phoneNumberId: string, fields: string = DEFAULT_PHONE_FIELDS): Promise<PhoneNumberInfo> {
      return call(token, 'GET', graph(enc(phoneNumberId)), { query: { fields } });
    },

    async listPhoneNumbers(token: string, wabaId: string): Promise<PhoneNumberInfo[]> {
      const page = await call<ListResponse<PhoneNumberInfo>>(token, 'GET', graph(`${enc(wabaId)}/phone_numbers`), {
        query: { fields: DEFAULT_PHONE_FIELDS },
      });
      return page.data;
    },

    createTemplate(token: string, wabaId: string, body: CreateTemplateRequest): Promise<CreateTemplateResponse> {
      return call(token, 'POST', graph(`${enc(wabaId)}/message_templates`), { json: body });
    },

    /** POST /{template-id}: replaces the components (and more) and sends the template back to review. */
    editTemplate(token: string, templateId: string, body: EditTemplateRequest): Promise<SuccessResponse> {
      return call(token, 'POST', graph(enc(templateId)), { json: body });
    },

    getTemplate(token: string, templateId: string, fields: string): Promise<MessageTemplate> {
      return call(token, 'GET', graph(enc(templateId)), { query: { fields } });
    },

    /**
     * Every template matching `params`, following the `after` cursor while `paging.next` is present.
     * The `next` URL itself is not fetched: Meta embeds the access token in it.
     */
    async listTemplates(token: string, wabaId: string, params: ListTemplatesParams = {}): Promise<MessageTemplate[]> {
      const all: MessageTemplate[] = [];
      let after: string | undefined;
      for (let pageNo = 0; pageNo < MAX_TEMPLATE_PAGES; pageNo++) {
        const page = await call<ListResponse<MessageTemplate>>(token, 'GET', graph(`${enc(wabaId)}/message_templates`), {
          query: { ...params, after },
        });
        all.push(...page.data);
        after = page.paging?.cursors?.after;
        if (!page.paging?.next || !after || page.data.length === 0) break;
      }
      return all;
    },

    /** Deletes every language of `name`, or only the one template when `hsmId` is given. */
    deleteTemplate(token: string, wabaId: string, target: { name: string; hsmId?: string }): Promise<SuccessResponse> {
      return call(token, 'DELETE', graph(`${enc(wabaId)}/message_templates`), {
        query: { name: target.name, hsm_id: target.hsmId },
      });
    },

    uploadMedia(token: string, phoneNumberId: string, input: UploadMediaInput): Promise<UploadMediaResponse> {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', input.mimeType);
      form.set('file', new Blob([new Uint8Array(input.bytes)], { type: input.mimeType }), input.filename);
      return call(token, 'POST', graph(`${enc(phoneNumberId)}/media`), { form });
    },

    /** The media's short-lived download URL (5 minutes) and metadata. */
    getMedia(token: string, mediaId: string, phoneNumberId?: string): Promise<MediaInfo> {
      return call(token, 'GET', graph(enc(mediaId)), { query: { phone_number_id: phoneNumberId } });
    },

    /** Downloads from a URL returned by getMedia; the caller should check its sha256. */
    downloadMedia(token: string, url: string): Promise<DownloadedMedia> {
      assertMediaUrl(url, base);
      return call(token, 'GET', url, { binary: true });
    },

    deleteMedia(token: string, mediaId: string): Promise<SuccessResponse> {
      return call(token, 'DELETE', graph(enc(mediaId)));
    },
  };
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  return JSON.parse(bytes.toString('utf8'));
}

function errorFromResponse(status: number, bytes: Buffer): CloudApiError {
  let body: unknown;
  try {
    body = parseJson(bytes);
  } catch {
    body = undefined; // a proxy's HTML error page, for instance
  }
  if (isGraphErrorEnvelope(body)) return new CloudApiError(status, body.error);
  // Not Meta's envelope: report it as Meta's generic code 1, transient when the status says so.
  return new CloudApiError(status, {
    message: `HTTP ${status} without a Graph API error body`,
    type: 'UnexpectedResponse',
    code: 1,
    is_transient: status === 429 || status >= 500,
  });
}

// Errors raised before any byte reached the server: the request certainly was not processed.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function unreachable(err: unknown, signal: AbortSignal, where: string, timeoutMs: number): CloudApiUnreachableError {
  const code = errorCode(err);
  if (signal.aborted || (code && TIMEOUT_CODES.has(code))) {
    return new CloudApiUnreachableError('timeout', true, `${where} timed out after ${timeoutMs} ms`, err);
  }
  const notSent = code !== undefined && NOT_SENT_CODES.has(code);
  return new CloudApiUnreachableError('network', !notSent, `${where} failed: ${code ?? 'network error'}`, err);
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const own = (err as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function assertMediaUrl(url: string, base: string): void {
  const target = new URL(url);
  const graphHost = new URL(base);
  if (target.origin === graphHost.origin) return;
  const metaHost = MEDIA_HOST_SUFFIXES.some((suffix) => target.hostname.endsWith(suffix));
  if (target.protocol !== 'https:' || !metaHost) {
    throw new Error(`Refusing to send a Cloud API token to ${target.origin}: not a Meta media host`);
  }
}
