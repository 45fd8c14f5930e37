// Finds the links a reader would see or follow: with a scheme, `www.`, bare domains on a real public suffix
// ("ourstore.com", "bit.ly/x"), bare IPs with a path, defanged forms ("hxxp", "[.]"), and Markdown or HTML
// anchors (whose shown text is kept to compare with the real target). Work is bounded: tokens are split on
// whitespace by one linear scan, a token is read up to MAX_URL_LENGTH, and only MAX_URLS links are parsed.

import { parse as parseDomain } from 'tldts';

export const MAX_URLS = 50;
export const MAX_URL_LENGTH = 2048;
/** Tokens examined as possible links; past this the rest of the text is only counted. */
export const MAX_CANDIDATES = 1000;

export type FoundUrl = {
  url: URL; raw: string; index: number; // where in the text the link begins
  obfuscated: boolean; shown?: string; // the text shown for an anchor
};
/** `seen`: tokens that could be links; `parsed`: those handed to the URL parser (at most MAX_CANDIDATES). */
export type Extraction = { urls: FoundUrl[]; seen: number; parsed: number };

const ANCHORS = [
  /\[([^[\]\n]{1,200})\]\(\s*([^()[\]\s]{1,2048})\s*\)/g,
  /<a\s[^<>]{0,300}?href\s*=\s*["']?([^"'\s<>]{1,2048})["']?(?:\s[^<>]{0,300})?>([^<]{1,200})<\/a>/gi,
];
const TOKEN = /[^\s<>"'`]+/g;
const SCHEME_INSIDE = /(?:h[tx]{2}ps?|ftp):\/\//i;
const SCHEME = /^([a-z][a-z0-9+.-]{1,15}):\/\//i;
const DEFANGED_DOT = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi;
const LEADING = /^[([{'"«“‘*_]+/;
const TRAILING = new Set([...'.,;:!?)]}\'"»”’*_']);
const IPV4_WITH_PATH = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\//;
const HOSTLIKE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

export function extractUrls(text: string): Extraction {
  const out: Extraction = { urls: [], seen: 0, parsed: 0 };
  const seen = new Set<string>();
  const push = (candidate: string, index: number, shown?: string) => {
    out.seen++;
    if (out.urls.length >= MAX_URLS || out.seen > MAX_CANDIDATES) return;
    const found = toUrl(candidate.slice(0, MAX_URL_LENGTH), index, out);
    if (!found || seen.has(found.url.href + (shown ?? ''))) return;
    seen.add(found.url.href + (shown ?? ''));
    if (shown !== undefined) found.shown = shown;
    out.urls.push(found);
  };
  // Anchors first, then blanked out (same length, so indexes hold) so their parts are not read twice.
  let rest = text;
  ANCHORS.forEach((re, n) => {
    rest = rest.replace(re, (whole, a: string, b: string, offset: number) => {
      const [shown, target] = n === 0 ? [a, b] : [b, a];
      push(target, offset, shown);
      return ' '.repeat(whole.length);
    });
  });
  for (const m of rest.matchAll(TOKEN)) {
    let token = m[0];
    let index = m.index;
    const inside = token.search(SCHEME_INSIDE);
    if (inside > 0) { token = token.slice(inside); index += inside; }
    const lead = LEADING.exec(token)?.[0].length ?? 0;
    token = trimEnd(token.slice(lead, lead + MAX_URL_LENGTH));
    if (token.includes('.') || token.includes('[') || token.includes('(') || SCHEME.test(token)) push(token, index + lead);
  }
  return out;
}

// A loop, not /[…]+$/: that regex retries from every position of a long punctuation run (quadratic).
function trimEnd(token: string): string {
  let end = token.length;
  while (end > 0 && TRAILING.has(token[end - 1] ?? '')) end--;
  return token.slice(0, end);
}

function toUrl(candidate: string, index: number, out: Extraction): FoundUrl | null {
  let text = candidate.replace(DEFANGED_DOT, '.');
  let obfuscated = text !== candidate;
  if (/^h(?:xx|\*\*)p/i.test(text)) { text = 'http' + text.slice(4); obfuscated = true; }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return null;
  if (scheme === undefined && !looksLikeBareLink(text)) return null;
  out.parsed++;
  const url = URL.parse(scheme === undefined ? `http://${text}` : text);
  if (!url || !url.hostname) return null;
  return { url, raw: candidate, index, obfuscated };
}

// Without a scheme a token is a link only if it starts with www., is an IP with a path, or its host ends in
// a real public suffix ("report.pdf", "Rs.500", "e.g." are not). E-mail addresses and UPI ids are not links.
function looksLikeBareLink(text: string): boolean {
  if (/^www\./i.test(text)) return true;
  if (IPV4_WITH_PATH.test(text)) return true;
  const host = text.split(/[/?#:]/, 1)[0] ?? '';
  if (host.includes('@') || !HOSTLIKE.test(host)) return false;
  const parsed = parseDomain(host);
  return parsed.isIcann === true && parsed.domain !== null && !/^\d+$/.test(parsed.publicSuffix ?? '');
}
