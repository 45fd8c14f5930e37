import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { checkOutboundUrl } from '../lib/ssrf.ts';
import { screenFilename, screenLink } from './screen-media.ts';
import { findMedia } from './store.ts';
import { cloudMediaIdFor } from './upload-media.ts';

export type MediaPayload = { id?: string; link?: string; [key: string]: unknown };
export type MediaResolver = (kind: string, payload: MediaPayload, path: string) => Promise<MediaPayload>;

/**
 * Media in a send, as the Cloud API takes it: our upload ids become the Cloud API's id for the sending
 * number; links must not point inside a private network (Meta fetches them, and so may our screening).
 */
export function mediaResolver(deps: Deps, orgId: string, senderId: string): MediaResolver {
  return async (kind, payload, path) => {
    if (payload.id?.startsWith('med_')) {
      const media = await findMedia(deps.db, orgId, payload.id);
      if (!media || media.source !== 'upload') throw new AppError('not_found', { message: 'No such media.', details: [{ path: `${path}.id` }] });
      if (media.kind !== kind) {
        throw new AppError('media_kind_mismatch', { message: `Media ${media.id} is ${media.kind} (${media.mime_type}); a ${kind} message needs ${kind}.`, details: [{ path: `${path}.id` }] });
      }
      if (typeof payload.filename === 'string') await screenFilename(deps, orgId, kind, payload.filename, `${path}.filename`, { mimeType: media.mime_type });
      return { ...payload, id: await cloudMediaIdFor(deps, orgId, senderId, media) };
    }
    if (payload.link) {
      // Meta downloads links, not us: the file name in the link is what AUP 3.4 can judge here (decision 0016).
      await screenLink(deps, orgId, kind, payload.link, `${path}.link`);
      await checkLink(deps, payload.link, `${path}.link`);
    }
    // The name the customer's phone saves a document under, for a link or a Cloud API media id alike.
    if (typeof payload.filename === 'string') await screenFilename(deps, orgId, kind, payload.filename, `${path}.filename`, { link: payload.link });
    return payload;
  };
}

async function checkLink(deps: Deps, link: string, path: string) {
  const verdict = await checkOutboundUrl(link, { allowLoopback: deps.config.outbound.allowLoopback, requireHttps: false, allowedPorts: [], dnsTimeoutMs: 2000 });
  // A name that does not resolve from here is no danger to us (Meta will fail the send with 131053);
  // one that resolves inside, or an internal address or name, is refused.
  if (!verdict.ok && !/does not resolve/.test(verdict.reason)) {
    throw new AppError('link_not_allowed', { message: `This link is not allowed: ${verdict.reason}.`, details: [{ path, message: verdict.reason }] });
  }
}
