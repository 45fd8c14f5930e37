import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { constantTimeEqual, sha256Hex } from '../lib/secrets.ts';
import { openAppSecret } from '../phone-numbers/credentials.ts';
import { findAccountsByWabaIdsUnscoped, verifyTokenKnownUnscoped } from '../phone-numbers/store.ts';
import { verifySignature } from '../whatsapp/verify-signature.ts';
import { insertWebhookEventUnscoped } from './webhook-store.ts';

/**
 * Meta's webhooks to us. POST verifies X-Hub-Signature-256 over the raw bytes before anything else,
 * stores the delivery, and acknowledges; the ingester (ingest.ts) processes it in batches.
 */
export function whatsappWebhookRoutes(deps: Deps) {
  const appSecrets = createAppSecretCache(deps);
  return async (app: FastifyInstance) => {
    // The signature covers the exact bytes Meta sent, so this plugin keeps them instead of parsed JSON.
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.get<{ Querystring: Record<string, string> }>('/webhooks/whatsapp', {
      schema: {
        tags: ['Meta webhooks'],
        summary: 'Meta\'s verification handshake',
        querystring: {
          type: 'object',
          properties: { 'hub.mode': { type: 'string' }, 'hub.verify_token': { type: 'string' }, 'hub.challenge': { type: 'string' } },
        },
      },
    }, async (request, reply) => {
      const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = request.query;
      if (mode === 'subscribe' && token && challenge !== undefined && (await verifyTokenAccepted(deps, token))) {
        return reply.type('text/plain').send(challenge);
      }
      throw new AppError('verification_failed');
    });

    app.post('/webhooks/whatsapp', {
      bodyLimit: 4 * 1024 * 1024,
      schema: { tags: ['Meta webhooks'], summary: 'Meta\'s event deliveries (signed with X-Hub-Signature-256)' },
    }, async (request, reply) => {
      const raw = request.body as Buffer;
      const signature = request.headers['x-hub-signature-256'];
      if (!Buffer.isBuffer(raw) || !(await signatureValid(deps, appSecrets, raw, typeof signature === 'string' ? signature : undefined))) {
        throw new AppError('invalid_signature');
      }
      // Stored before the 200: from here on the event cannot be lost. A redelivery of identical bytes is a no-op.
      const stored = await insertWebhookEventUnscoped(deps.db, { id: newId('webhookEvent'), bodySha256: sha256Hex(raw), rawBody: raw.toString('utf8') });
      if (stored) deps.wakeIngester();
      return reply.status(200).send({ received: true });
    });
  };
}

async function verifyTokenAccepted(deps: Deps, token: string): Promise<boolean> {
  if (deps.config.meta.verifyToken && constantTimeEqual(token, deps.config.meta.verifyToken)) return true;
  return (await verifyTokenKnownUnscoped(deps.db, sha256Hex(token))) !== undefined;
}

/**
 * The platform's own app secret verifies any delivery; a tenant that brought its own Meta app is
 * verified with that app's secret, found through the WABA ids the body names. Nothing is trusted or
 * written before one of them matches.
 */
async function signatureValid(deps: Deps, appSecrets: AppSecretCache, raw: Buffer, header: string | undefined): Promise<boolean> {
  if (!header) return false;
  if (deps.config.meta.appSecret && verifySignature(raw, header, deps.config.meta.appSecret)) return true;
  const wabaIds = wabaIdsOf(raw);
  if (wabaIds.length === 0) return false;
  const matches = (secrets: string[]) => secrets.some((secret) => verifySignature(raw, header, secret));
  // A cached secret may be stale after a rotation: on a mismatch, read the current ones before refusing.
  return matches(await appSecrets.get(wabaIds, false)) || matches(await appSecrets.get(wabaIds, true));
}

type AppSecretCache = { get(wabaIds: string[], fresh: boolean): Promise<string[]> };

/** Tenants' app secrets by WABA, opened once and kept for a minute: verifying must not cost a query per delivery. */
function createAppSecretCache(deps: Deps, ttlMs = 60_000): AppSecretCache {
  const cache = new Map<string, { secrets: string[]; until: number }>();
  return {
    async get(wabaIds, fresh) {
      const now = Date.now();
      const missing = wabaIds.filter((id) => fresh || (cache.get(id)?.until ?? 0) < now);
      if (missing.length > 0) {
        const found = new Map<string, string[]>(missing.map((id) => [id, []]));
        for (const account of await findAccountsByWabaIdsUnscoped(deps.db, missing)) {
          found.get(account.waba_id)?.push(openAppSecret(deps.sealer, account.org_id, account.id, account.app_secret_enc));
        }
        for (const [id, secrets] of found) cache.set(id, { secrets, until: now + ttlMs });
        if (cache.size > 10_000) cache.clear();
      }
      return wabaIds.flatMap((id) => cache.get(id)?.secrets ?? []);
    },
  };
}

function wabaIdsOf(raw: Buffer): string[] {
  try {
    const body = JSON.parse(raw.toString('utf8')) as { entry?: { id?: unknown }[] };
    return [...new Set((body.entry ?? []).map((e) => String(e.id ?? '')).filter((id) => /^\d+$/.test(id)))].slice(0, 10);
  } catch {
    return []; // not JSON: cannot name an account, so it cannot be verified
  }
}
