import type { FastifyReply } from 'fastify';

/**
 * A server-rendered page: its own Content-Security-Policy, never sniffed, framed, cached or given a referrer.
 * The public pages (opt-in, reports, the policy) all answer through this.
 */
export function sendHtmlPage(reply: FastifyReply, html: string, options: { csp: string; status?: number }) {
  return reply.status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', options.csp)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(html);
}
