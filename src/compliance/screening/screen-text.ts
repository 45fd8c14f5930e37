// Content screening (AUP 3.2, 3.4, 3.5): a pure, deterministic verdict on a text — allow, hold for human
// review, or block — with every rule that contributed as the explanation. Text signals and link findings add
// their weights into one score (capped at 100); HOLD_AT and BLOCK_AT cut it. A deny-listed domain blocks.
// Decision 0014 explains the rules, the weights and how they were measured.

import { BRANDS } from './brands.ts';
import { extractUrls, type FoundUrl } from './extract-urls.ts';
import { brandEntry, registrableDomain, scoreUrl, URL_RULES, type ScoredUrl, type UrlContext, type UrlRule } from './score-urls.ts';
import { findSignals } from './signals.ts';
import { evaluateTextRules, TEXT_RULES, type Clause } from './text-rules.ts';

export type Decision = 'allow' | 'hold' | 'block';
export type VerdictRule = { id: string; clause: Clause; weight: number; evidence: string };
export type Verdict = { decision: Decision; score: number; rules: VerdictRule[] };
export type ScreenContext = {
  /** The organization's own lists: registrable domains, hosts or URLs. Allowed links are not scored. */
  allowDomains?: string[];
  denyDomains?: string[];
  /** The platform's lists: a platform deny wins over an organization's allow. */
  platformAllowDomains?: string[];
  platformDenyDomains?: string[];
  /** More brands to protect from lookalikes (the organization's own): brand token → official domains. */
  brandDomains?: Record<string, string[]>;
};
/** How much work a screen did: every figure is bounded by the input's length (tests assert it). */
export type ScreenStats = { chars: number; words: number; urlCandidates: number; urlsParsed: number; urlsScored: number };

export const HOLD_AT = 40;
export const BLOCK_AT = 70;
/** WhatsApp allows 4,096 characters in a text and 1,024 in a caption; anything longer is not a real message. */
export const MAX_TEXT_CHARS = 65_536;
const ADJACENT_CHARS = 40;

const COMBO_RULES = {
  scareLink: { id: 'combo.scare_link', clause: '3.2' as Clause, weight: 20, what: 'a scare, a request for secrets or a lure, with a link on no official domain' },
  oversized: { id: 'input.oversized', clause: '3.4' as Clause, weight: 40, what: `longer than ${MAX_TEXT_CHARS} characters: only the start was screened` },
};
const SCARES = new Set(['text.card_secret_request', 'text.otp_request', 'text.upi_pin_to_receive', 'text.account_threat', 'text.kyc_pressure', 'text.advance_fee',
  'text.prize_claim', 'text.urgent_payment', 'text.remote_access_request', 'text.authority_scare']);

/** Every rule the screen can report, with its clause and weight: the policy as data (and the tests' checklist). */
export const SCREENING_RULES: { id: string; clause: Clause; weight: number; what: string }[] = [
  ...TEXT_RULES.map(({ id, clause, weight, what }) => ({ id, clause, weight, what })),
  ...Object.values(URL_RULES),
  ...Object.values(COMBO_RULES),
];

const NO_CONTEXT: ScreenContext = Object.freeze({});

export function screenText(text: string, context: ScreenContext = NO_CONTEXT): Verdict {
  return screenTextWithStats(text, context).verdict;
}

export function screenTextWithStats(input: string, context: ScreenContext = NO_CONTEXT): { verdict: Verdict; stats: ScreenStats } {
  const text = typeof input === 'string' ? input.slice(0, MAX_TEXT_CHARS) : '';
  const found = new Map<string, VerdictRule>();
  const report = (r: { id: string; clause: Clause }, weight: number, evidence: string) => {
    const had = found.get(r.id);
    if (!had || weight > had.weight) found.set(r.id, { id: r.id, clause: r.clause, weight, evidence: evidence.slice(0, 120) });
  };
  if (typeof input === 'string' && input.length > MAX_TEXT_CHARS) report(COMBO_RULES.oversized, COMBO_RULES.oversized.weight, `${input.length} characters`);

  const extraction = extractUrls(text);
  const ctx = urlContext(context);
  const scored = extraction.urls.map((u) => scoreUrl(u, ctx));
  const signals = findSignals(withoutLinks(text, extraction.urls));
  const unofficial = scored.filter((s) => !s.official);
  const globals = new Set<string>();
  if (unofficial.length > 0) globals.add('@link');
  if (text.includes('@') && VPA.test(text)) globals.add('@vpa');

  for (const s of scored) for (const f of s.findings) report(f.rule, f.rule.weight, f.evidence);
  for (const f of evaluateTextRules(signals, globals)) report(f.rule, f.weight, f.evidence);
  for (const [r, evidence] of linkContextFindings(scored, signals.hits)) report(r, r.weight, evidence);
  if (unofficial.length > 0 && [...found.keys()].some((id) => SCARES.has(id))) {
    report(COMBO_RULES.scareLink, COMBO_RULES.scareLink.weight, unofficial[0]?.domain ?? '');
  }

  const rules = [...found.values()].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const score = Math.min(100, rules.reduce((sum, r) => sum + r.weight, 0));
  const denied = rules.some((r) => r.id === URL_RULES.deniedPlatform.id || r.id === URL_RULES.deniedOrg.id);
  const decision: Decision = denied || score >= BLOCK_AT ? 'block' : score >= HOLD_AT ? 'hold' : 'allow';
  const stats = { chars: text.length, words: signals.words.length, urlCandidates: extraction.seen, urlsParsed: extraction.parsed, urlsScored: scored.length };
  return { verdict: { decision, score, rules }, stats };
}

// Text rules read the prose; a link's own words ("sbi-kyc-update.xyz") are the link rules' evidence, and
// counting them again as "names SBI" or "asks to update KYC" would score one thing twice.
function withoutLinks(text: string, urls: FoundUrl[]): string {
  let out = '';
  let from = 0;
  for (const u of [...urls].filter((x) => x.shown === undefined).sort((a, b) => a.index - b.index)) {
    if (u.index < from) continue;
    out += text.slice(from, u.index) + ' ';
    from = u.index + u.raw.length;
  }
  return out + text.slice(from);
}

const VPA = /[a-z0-9._-]{2,64}@(?:ybl|paytm|okaxis|oksbi|okhdfcbank|okicici|upi|apl|ibl|axl|ikwik|freecharge|jio|airtel|icici|sbi|hdfcbank|axisbank|kotak)(?![a-z0-9.])/i;

// Findings that need the link and its surroundings: the brand the text names vs. where the link goes; an
// anchor's shown domain vs. its target; an official link written right next to a stranger's.
function linkContextFindings(scored: ScoredUrl[], hits: Map<string, unknown[]>): [UrlRule, string][] {
  const out: [UrlRule, string][] = [];
  if (scored.every((s) => s.official)) return out;
  const named = BRANDS.filter((_, i) => hits.has(BRAND_SIGNALS[i]!));
  for (const s of scored) {
    if (s.official) continue;
    const brand = named.find((b) => !b.domains.includes(s.domain));
    if (brand) out.push([URL_RULES.brandMismatch, `names ${brand.names[0]}, links ${s.domain}`]);
    const shownDomain = s.found.shown && SHOWN_DOMAIN.exec(s.found.shown)?.[0];
    if (shownDomain && registrableDomain(shownDomain) !== s.domain) out.push([URL_RULES.shownMismatch, `shows ${shownDomain}, goes to ${s.domain}`]);
  }
  const inOrder = [...scored].sort((a, b) => a.found.index - b.found.index);
  for (let i = 1; i < inOrder.length; i++) {
    const [a, b] = [inOrder[i - 1]!, inOrder[i]!];
    if (a.official === b.official || a.domain === b.domain) continue;
    if (b.found.index - (a.found.index + a.found.raw.length) > ADJACENT_CHARS) continue;
    const [shown, real] = a.official ? [a, b] : [b, a];
    out.push([URL_RULES.shownMismatch, `${shown.domain} next to ${real.domain}`]);
  }
  return out;
}
const BRAND_SIGNALS = BRANDS.map((_, i) => `brand:${i}`);
const SHOWN_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

const DEFAULT_BRANDS = BRANDS.map((b) => brandEntry(b.tokens, b.domains));
const prepared = new WeakMap<ScreenContext, UrlContext>();
const domains = (list: string[] | undefined) => new Set((list ?? []).slice(0, 10_000).map(registrableDomain));

// Lists are read once per context object: a caller that screens many messages for one organization passes
// the same object and pays for it once.
function urlContext(context: ScreenContext): UrlContext {
  const cached = prepared.get(context);
  if (cached) return cached;
  const extra = Object.entries(context.brandDomains ?? {}).slice(0, 1000).map(([token, official]) => brandEntry([token], official));
  const ctx: UrlContext = {
    allowDomains: domains(context.allowDomains), denyDomains: domains(context.denyDomains),
    platformAllow: domains(context.platformAllowDomains), platformDeny: domains(context.platformDenyDomains),
    brands: [...DEFAULT_BRANDS, ...extra],
  };
  prepared.set(context, ctx);
  return ctx;
}
