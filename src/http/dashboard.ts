import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendHtmlPage } from './html-page.ts';

/** Where `npm run web:build` puts the dashboard (web/vite.config.ts). */
export const DASHBOARD_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The paths the dashboard's router owns (web/src/App.tsx): each answers the app's page, so a reload or a shared
 * link opens the right view. Everything else stays the API's (an unknown path is the API's JSON 404).
 */
export const DASHBOARD_PATHS = ['/', '/login', '/inbox', '/contacts', '/templates', '/messages', '/developers', '/standing', '/operator'];

// The app's own scripts and styles only; the API on the same origin; images from the API (media) and data URLs.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
  + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the dashboard (a Vite build of web/) at `/` in every role that serves HTTP. Hashed assets are cached for
 * good; the page itself never. Without a build, the dashboard's paths explain how to make one.
 */
export async function registerDashboard(app: FastifyInstance, dist = DASHBOARD_DIST): Promise<void> {
  const indexFile = `${dist}index.html`;
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${dist}assets`,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  const page = (reply: FastifyReply) => {
    if (!built) {
      return sendHtmlPage(reply, '<!doctype html><title>Xpecto</title><p>The dashboard is not built. Run <code>npm run web:build</code> and restart.</p>', { csp: "default-src 'none'", status: 503 });
    }
    // Read on each request: a rebuild while running is picked up, and the file is small.
    return sendHtmlPage(reply, readFileSync(indexFile, 'utf8'), { csp: CSP });
  };
  for (const path of DASHBOARD_PATHS) {
    app.get(path, { schema: { hide: true } }, (_request, reply) => page(reply));
    if (path !== '/') app.get(`${path}/*`, { schema: { hide: true } }, (_request, reply) => page(reply));
  }
}
