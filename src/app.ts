import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Deps } from './deps.ts';
import { registerApiKeyAuth } from './http/auth.ts';
import { registerDashboard } from './http/dashboard.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { healthRoutes, type ReadinessCheck } from './http/health-routes.ts';
import { documentIdempotency, registerIdempotency } from './http/idempotency.ts';
import { errorSchema } from './http/schemas.ts';
import { newId } from './lib/ids.ts';
import { createMemoryThrottleStore, type ThrottleStore } from './throttling/store.ts';
import { createThrottle, documentThrottling, registerThrottleAfterAuth, registerThrottleBeforeAuth } from './throttling/throttle.ts';
import { auditRoutes } from './audit/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { consentRoutes } from './contacts/consent-routes.ts';
import { privacyRoutes } from './contacts/privacy-routes.ts';
import { contactImportRoutes } from './contacts/import-routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { optInRoutes } from './contacts/opt-in-routes.ts';
import { complianceRoutes } from './compliance/routes.ts';
import { loadCountryMap } from './credentials/country-map.ts';
import { createKeyUsage } from './credentials/key-usage.ts';
import { credentialRoutes } from './credentials/routes.ts';
import { enforcementRoutes } from './enforcement/routes.ts';
import { mediaRoutes } from './media/routes.ts';
import { createPolicyState } from './policy/policy-state.ts';
import { policyRoutes, registerPolicyHooks } from './policy/routes.ts';
import { conversationRoutes } from './messaging/conversations-routes.ts';
import { messageRoutes } from './messaging/routes.ts';
import { whatsappWebhookRoutes } from './messaging/whatsapp-webhook-routes.ts';
import { registerOperatorAuth } from './operators/auth.ts';
import { operatorConsoleRoutes } from './operators/console-routes.ts';
import { phoneNumberRoutes } from './phone-numbers/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { statsRoutes } from './stats/routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request body as documented in OpenAPI where Fastify does not parse it (a streamed multipart upload). */
    documentedBody?: Record<string, unknown>;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Fastify logs two lines per request (received, completed); only the completed one is kept, with the status and
 * time. At the default level each line is a write to stdout, on the path of every send.
 */
function completedRequestsOnly(): LogController {
  const logs = new LogController();
  logs.incomingRequest = () => {};
  return logs;
}

/** The whole HTTP surface, without listen(): shared by the api role, `start`, and the tests. */
export async function buildApp(deps: Deps, options: { readiness?: ReadinessCheck[]; throttleStore?: ThrottleStore } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    // A client that trickles its request, or holds an idle socket, cannot keep it forever (AUP 3.6).
    requestTimeout: deps.config.requestTimeoutMs,
    connectionTimeout: deps.config.connectionTimeoutMs,
    // request.ip is the per-address budget's key: X-Forwarded-For is believed only from the proxies configured.
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    // Honour a caller's request id when it looks like one, so a support ticket can quote it.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId('request');
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    logController: completedRequestsOnly(),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.addSchema(errorSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Xpecto API',
        version: '1',
        description: 'Multi-tenant WhatsApp Business API platform. Authenticate with `Authorization: Bearer xp_live_…` (or `xp_test_…`), or from the dashboard with the `xp_session` cookie of `POST /v1/session` (changes also need its `x-csrf-token`).',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An Xpecto API key' },
          session: { type: 'apiKey', in: 'cookie', name: 'xp_session', description: 'A dashboard session (POST /v1/session); POST, PUT, PATCH and DELETE also need the `x-csrf-token` header' },
          operatorKey: { type: 'http', scheme: 'bearer', description: 'An Xpecto operator key (xp_op_…, `xpecto operator keys create`); an operator\'s dashboard session also passes' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const scope = route.config?.scope;
      let documented = { ...(schema ?? {}) } as Record<string, unknown>;
      // A streamed multipart body is not validated by Fastify, but its parts are still part of the contract.
      if (route.config?.documentedBody) documented['body'] = route.config.documentedBody;
      if (route.config?.idempotent) documented = documentIdempotency(documented);
      documented = documentThrottling(documented, url);
      if (scope) {
        documented['security'] = [{ apiKey: [] }, { session: [] }];
        documented['description'] = `${(documented['description'] as string | undefined) ?? ''}\n\nRequires scope \`${scope}\`.`.trim();
      }
      if (route.config?.operator) {
        documented['security'] = [{ operatorKey: [] }, { session: [] }];
        documented['description'] = `${(documented['description'] as string | undefined) ?? ''}\n\nOperators only (Xpecto's trust and safety).`.trim();
      }
      return { schema: documented, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerErrorHandling(app);
  // AUP 3.6: blocked addresses are refused before their key is looked up; budgets are spent once the key is known.
  const throttle = createThrottle(deps, options.throttleStore ?? createMemoryThrottleStore());
  registerThrottleBeforeAuth(app, throttle);
  // AUP 3.4, 3.6: where each key is used from, counted in memory and judged every few seconds (decision 0021).
  const keyUsage = createKeyUsage(deps.db, deps.log, deps.config.credentials, loadCountryMap(deps.config.credentials.countryFile));
  app.addHook('onClose', () => keyUsage.stop());
  registerApiKeyAuth(app, deps.db, deps.log, throttle.authenticationFailed, keyUsage, deps);
  // Operator routes (`operator: true`) take operator keys or an operator's session; failures count like tenants' (decisions 0023, 0026).
  registerOperatorAuth(app, deps.db, throttle.authenticationFailed, deps);
  registerThrottleAfterAuth(app, throttle);
  // After authentication: the policy version header, and acceptance by continued use.
  const policy = createPolicyState(deps.db, deps.clock, deps.log);
  app.addHook('onClose', () => policy.stop());
  registerPolicyHooks(app, deps, policy);
  // Before the routes: it hooks every route marked `idempotent: true` as the route is added.
  registerIdempotency(app, deps);

  await app.register(healthRoutes(deps, options.readiness ?? []));
  await app.register(sessionRoutes(deps, throttle.authenticationFailed));
  await app.register(whatsappWebhookRoutes(deps));
  await app.register(phoneNumberRoutes(deps));
  await app.register(templateRoutes(deps));
  await app.register(messageRoutes(deps));
  await app.register(mediaRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(optInRoutes(deps));
  await app.register(contactRoutes(deps));
  await app.register(consentRoutes(deps));
  await app.register(privacyRoutes(deps));
  await app.register(contactImportRoutes(deps));
  await app.register(policyRoutes(deps, policy));
  await app.register(complianceRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(credentialRoutes(deps));
  await app.register(enforcementRoutes(deps));
  await app.register(statsRoutes(deps));
  await app.register(conversationRoutes(deps));
  await app.register(operatorConsoleRoutes(deps, policy));
  await registerDashboard(app);
  return app;
}
