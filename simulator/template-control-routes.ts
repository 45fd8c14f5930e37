// Control routes that play Meta's side of a template's life after review (§4.6): quality drops (with the pause
// ladder), pauses, unpauses and disabling, each reported to the platform by the signed webhook Meta would send.

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { QualityScore } from '../src/whatsapp/webhook-types.ts';
import type { SimState } from './state.ts';
import { findTemplate, pauseTemplate, setTemplateQuality, setTemplateStatus } from './template-routes.ts';
import type { WebhookSender } from './webhook-sender.ts';

type Params = { id: string };
const SCORES: readonly string[] = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'];

function problem(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ error: { message } });
}

export async function templateControlRoutes(app: FastifyInstance, ctx: { state: SimState; webhooks: WebhookSender }): Promise<void> {
  const find = (id: string) => findTemplate(ctx.state, id);
  const view = (t: NonNullable<ReturnType<typeof find>>) => ({ id: t.id, status: t.status, quality_score: t.quality_score?.score ?? 'UNKNOWN', pause_count: t.pause_count ?? 0 });

  app.post<{ Params: Params }>('/_sim/templates/:id/quality', async (request, reply) => {
    const template = find(request.params.id);
    if (!template) return problem(reply, 404, `unknown template ${request.params.id}`);
    const body = (request.body ?? {}) as { score?: unknown; pause?: unknown };
    if (typeof body.score !== 'string' || !SCORES.includes(body.score)) return problem(reply, 400, `score must be one of ${SCORES.join(', ')}`);
    setTemplateQuality(ctx, template, body.score as QualityScore, body.pause !== false);
    return view(template);
  });

  app.post<{ Params: Params }>('/_sim/templates/:id/pause', async (request, reply) => {
    const template = find(request.params.id);
    if (!template) return problem(reply, 404, `unknown template ${request.params.id}`);
    if (template.status !== 'APPROVED') return problem(reply, 409, `only an APPROVED template can be paused (it is ${template.status})`);
    pauseTemplate(ctx, template);
    return view(template);
  });

  app.post<{ Params: Params }>('/_sim/templates/:id/disable', async (request, reply) => {
    const template = find(request.params.id);
    if (!template) return problem(reply, 404, `unknown template ${request.params.id}`);
    setTemplateStatus(ctx, template, 'DISABLED', { other_info: { title: 'DISABLED', description: 'Disabled by the simulator control API.' } });
    return view(template);
  });
}
