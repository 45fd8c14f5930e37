// The link rules: each found link is judged on its real host (registrable domain by the public suffix list,
// private suffixes included so "x.vercel.app" or "y.s3.amazonaws.com" are the sender's own, not Vercel's or
// Amazon's). A link on an official brand domain or an allow-listed one is not scored; a deny-listed one blocks.

import { domainToUnicode } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { BRANDS, SHORTENERS, SUSPICIOUS_TLDS } from './brands.ts';
import { editDistance, scriptsOf, skeleton } from './confusables.ts';
import type { FoundUrl } from './extract-urls.ts';
import type { Clause } from './text-rules.ts';

export type UrlRule = { id: string; clause: Clause; weight: number; what: string };
const rule = (id: string, clause: Clause, weight: number, what: string): UrlRule => ({ id, clause, weight, what });

export const URL_RULES = {
  deniedPlatform: rule('url.denied_platform', '3.2', 100, 'a domain on the platform deny-list'),
  deniedOrg: rule('url.denied_org', '3.2', 100, "a domain on the organization's deny-list"),
  ipHost: rule('url.ip_host', '3.4', 45, 'a link to a bare IP address (dotted, decimal, hex or IPv6)'),
  credentials: rule('url.credentials', '3.4', 60, 'user info before the host: "https://bank.com@evil.tld" goes to evil.tld'),
  obfuscated: rule('url.obfuscated', '3.4', 40, 'a defanged link (hxxp, [.]) written to slip past filters'),
  oddPort: rule('url.odd_port', '3.4', 10, 'a link to a non-standard port'),
  shortener: rule('url.shortener', '3.4', 20, 'a link shortener hides the destination'),
  suspiciousTld: rule('url.suspicious_tld', '3.4', 20, 'a TLD common in phishing'),
  punycode: rule('url.punycode', '3.4', 15, 'an internationalized (punycode) domain'),
  mixedScript: rule('url.mixed_script', '3.4', 45, 'a domain label mixing scripts (Latin with Cyrillic or Greek)'),
  lookalike: rule('url.lookalike', '3.5', 75, "a domain that looks like a brand's (homoglyphs, digits for letters)"),
  brandInDomain: rule('url.brand_in_domain', '3.5', 50, "a brand's name on a domain that is not the brand's"),
  typosquat: rule('url.typosquat', '3.5', 50, "a domain one or two letters away from a brand's"),
  phishingWords: rule('url.phishing_words', '3.2', 15, 'login, verify, kyc, update… in the link'),
  brandMismatch: rule('url.brand_mismatch', '3.2', 25, 'the message names a brand and links elsewhere'),
  shownMismatch: rule('url.shown_mismatch', '3.2', 60, 'the link shows one domain and goes to another'),
} as const;

export type UrlContext = {
  allowDomains: Set<string>; denyDomains: Set<string>; platformAllow: Set<string>; platformDeny: Set<string>;
  brands: BrandEntry[];
};
/** A brand ready for comparison: each token with its skeleton, and whether it may only match a whole piece. */
export type BrandEntry = { tokens: { text: string; skel: string; whole: boolean }[]; domains: Set<string> };

export function brandEntry(tokens: string[], domains: string[]): BrandEntry {
  return {
    tokens: tokens.map((raw) => {
      const text = raw.replace(/^=/, '').toLowerCase();
      return { text, skel: skeleton(text), whole: raw.startsWith('=') || text.length < 4 };
    }),
    domains: new Set(domains.map(registrableDomain)),
  };
}
export type UrlFinding = { rule: UrlRule; evidence: string };
export type ScoredUrl = { found: FoundUrl; domain: string; official: boolean; findings: UrlFinding[] };

const OPTIONS = { allowPrivateDomains: true };
const PHISHING_WORDS = ['login', 'signin', 'verify', 'verification', 'secure', 'kyc', 'ekyc', 'update', 'account', 'unlock', 'suspend',
  'confirm', 'reward', 'rewardz', 'redeem', 'refund', 'claim', 'wallet', 'billing', 'banking', 'netbanking', 'otp', 'password', 'reactivate'];

/** The registrable domain of a host or a listed entry (an entry may be a URL, a host or a domain). */
export function registrableDomain(entry: string): string {
  const parsed = parseDomain(entry.trim().toLowerCase(), OPTIONS);
  return parsed.domain ?? parsed.hostname ?? entry.trim().toLowerCase();
}

export function scoreUrl(found: FoundUrl, ctx: UrlContext): ScoredUrl {
  const host = found.url.hostname.toLowerCase();
  const parsed = parseDomain(host, OPTIONS);
  const domain = parsed.domain ?? host;
  const findings: UrlFinding[] = [];
  const add = (r: UrlRule, evidence: string) => findings.push({ rule: r, evidence });
  const listed = (set: Set<string>) => set.has(domain) || set.has(host);
  if (listed(ctx.platformDeny)) add(URL_RULES.deniedPlatform, domain);
  if (listed(ctx.denyDomains)) add(URL_RULES.deniedOrg, domain);
  const official = !parsed.isIp && (listed(ctx.platformAllow) || listed(ctx.allowDomains) || ctx.brands.some((b) => b.domains.has(domain)));
  if (official || findings.length > 0) return { found, domain, official, findings };

  if (parsed.isIp || host.startsWith('[')) add(URL_RULES.ipHost, host);
  if (found.url.username || found.url.password) add(URL_RULES.credentials, `${decodedOrRaw(found.url.username)}@${host}`);
  if (found.obfuscated) add(URL_RULES.obfuscated, found.raw.slice(0, 80));
  if (found.url.port && found.url.port !== '80' && found.url.port !== '443') add(URL_RULES.oddPort, `${host}:${found.url.port}`);
  if (SHORTENERS.has(domain) || SHORTENERS.has(host)) add(URL_RULES.shortener, host);
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!parsed.isIp && SUSPICIOUS_TLDS.has(tld)) add(URL_RULES.suspiciousTld, `.${tld}`);
  if (!parsed.isIp) brandFindings(host, parsed.publicSuffix ?? '', ctx, add);
  const words = new Set(PHISHING_WORDS.filter((w) => (host + found.url.pathname).toLowerCase().includes(w)));
  if (words.size >= 2) add(URL_RULES.phishingWords, [...words].slice(0, 4).join(', '));
  return { found, domain, official, findings };
}

/** A URL part for evidence: percent-decoded where it decodes (a lone "%" in a sender's text must not crash screening). */
function decodedOrRaw(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

// Labels left of the public suffix, in Unicode, split on hyphens: each piece is compared with each brand token
// by skeleton (lookalike), exactly or as a part (brand name on a stranger's domain) and by edit distance.
function brandFindings(host: string, suffix: string, ctx: UrlContext, add: (r: UrlRule, e: string) => void): void {
  const unicode = domainToUnicode(host) || host;
  const labels = (suffix && unicode.endsWith(`.${suffix}`) ? unicode.slice(0, -suffix.length - 1) : unicode).split('.').slice(-6);
  if (labels.some((l) => l.startsWith('xn--')) || unicode !== host) {
    const mixed = labels.find((l) => scriptsOf(l).size > 1);
    if (mixed) add(URL_RULES.mixedScript, mixed);
  }
  const registrable = labels[labels.length - 1] ?? '';
  let best: { rule: UrlRule; evidence: string } | null = null;
  const consider = (r: UrlRule, evidence: string) => { if (!best || r.weight > best.rule.weight) best = { rule: r, evidence }; };
  for (const label of labels) {
    const pieces = [...new Set([label, ...label.split('-')])].filter((p) => p.length > 1 && p.length <= 64);
    for (const piece of pieces) {
      const skel = skeleton(piece);
      for (const brand of ctx.brands) {
        for (const { text: token, skel: tokenSkel, whole } of brand.tokens) {
          if (piece === token || (!whole && piece.includes(token))) consider(URL_RULES.brandInDomain, `${token} in ${host}`);
          else if (skel === tokenSkel || (!whole && skel.includes(tokenSkel))) consider(URL_RULES.lookalike, `${unicode} looks like ${token}`);
          else if (label === registrable && token.length >= 6 && isTyposquat(skel, tokenSkel)) consider(URL_RULES.typosquat, `${piece} ≈ ${token}`);
        }
      }
    }
  }
  if (best) add((best as { rule: UrlRule }).rule, (best as { evidence: string }).evidence);
  else if (unicode !== host) add(URL_RULES.punycode, unicode);
}

// One edit under 8 letters keeping the first letter; two from 8 letters keeping the first or the last. The
// letter filter also spares most edit-distance runs (a profile showed them at a quarter of a link's cost).
function isTyposquat(piece: string, token: string): boolean {
  if (piece === token) return false;
  const max = token.length >= 8 ? 2 : 1;
  if (Math.abs(piece.length - token.length) > max) return false;
  const sameFirst = piece[0] === token[0];
  if (max === 1 ? !sameFirst : !sameFirst && piece[piece.length - 1] !== token[token.length - 1]) return false;
  return editDistance(piece, token, max) <= max;
}
