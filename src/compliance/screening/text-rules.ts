// The text rules as data, and the one function that evaluates them. A rule names groups of signals: it fires
// when one signal of every group is found, all within `near` words of the first group's hit. A negation just
// before (or after, for Hindi and Hinglish word order) the negatable group's word cancels that hit: "do not
// share your OTP" is advice, "share your OTP" a request. Weights add up to the score (screen-text.ts).

import type { Hit, Signals } from './signals.ts';

export type Clause = '3.2' | '3.4' | '3.5';
/** `@link`: the message has a link on no official or allow-listed domain (position-free). */
export type TextRule = {
  id: string; clause: Clause; weight: number; what: string;
  all: string[][]; near?: number;
  negatable?: number; // index of the group whose hits a nearby negation cancels
  reducedTo?: { signal: string; weight: number }; // a weaker reading when this signal is present
  unlessNegated?: string; // the rule does not fire when any hit of this signal is negated (the message warns)
  unless?: string; // the rule does not fire when this signal is anywhere in the message
};

const NEG_BEFORE = 2;
const NEG_AFTER = 1;

export const TEXT_RULES: TextRule[] = [
  { id: 'text.card_secret_request', clause: '3.2', weight: 75, what: 'asks for a card number, CVV, PIN or password',
    all: [['ask'], ['secret_card']], near: 6, negatable: 0 },
  { id: 'text.otp_request', clause: '3.2', weight: 55, what: 'asks for a one-time code (not one that is being delivered)',
    all: [['ask'], ['secret_code']], near: 6, negatable: 0, reducedTo: { signal: 'code_given', weight: 15 } },
  { id: 'text.secret_entry_link', clause: '3.2', weight: 55, what: 'asks to enter a card secret or code, and brings the link',
    all: [['enter'], ['secret_card', 'secret_code'], ['@link']], near: 6, negatable: 0 },
  { id: 'text.upi_pin_to_receive', clause: '3.2', weight: 60, what: 'a UPI PIN to receive money (a PIN only ever sends money)',
    all: [['upi_pin'], ['receive']], near: 8 },
  { id: 'text.remote_access_request', clause: '3.4', weight: 50, what: 'asks to install or share a remote-access app',
    all: [['remote_app'], ['install', 'ask']], near: 8, negatable: 1, unlessNegated: 'install', unless: 'advisory' },
  { id: 'text.remote_access_mention', clause: '3.4', weight: 25, what: 'names a remote-access app',
    all: [['remote_app']], unlessNegated: 'install', unless: 'advisory' },
  { id: 'text.account_threat', clause: '3.2', weight: 20, what: 'says an account, card, SIM or connection will be blocked',
    all: [['account', 'kyc'], ['block']], near: 6 },
  { id: 'text.threat_deadline', clause: '3.2', weight: 20, what: 'a block threat with a deadline',
    all: [['account', 'kyc'], ['block'], ['urgency']], near: 15 },
  { id: 'text.threat_action', clause: '3.2', weight: 15, what: 'a block threat with something to click, call or update',
    all: [['account', 'kyc'], ['block'], ['cta', '@link']], near: 20 },
  { id: 'text.kyc_pressure', clause: '3.2', weight: 25, what: 'KYC to update, expired or pending',
    all: [['kyc'], ['cta', 'block', 'urgency']], near: 10 },
  { id: 'text.call_mobile', clause: '3.2', weight: 20, what: 'asks to call or message a personal mobile number',
    all: [['call'], ['mobile_number']], near: 6 },
  { id: 'text.advance_fee', clause: '3.2', weight: 55, what: 'a prize, job, loan or investment that asks for a fee or deposit',
    all: [['fee'], ['lure_prize', 'lure_job', 'lure_loan', 'lure_invest']], near: 25, negatable: 0 },
  { id: 'text.prize_claim', clause: '3.2', weight: 20, what: 'a prize to claim',
    all: [['lure_prize'], ['receive', 'cta', 'ask']], near: 12 },
  { id: 'text.pay_for_tasks', clause: '3.2', weight: 45, what: 'pay first to earn from tasks or work from home',
    all: [['pay'], ['task_scam']], near: 15, negatable: 0 },
  { id: 'text.fake_charge_call', clause: '3.2', weight: 40, what: 'a charge you did not make, to cancel by calling a personal mobile',
    all: [['charge_scare'], ['mobile_number']], near: 20 },
  { id: 'text.new_number_money', clause: '3.2', weight: 45, what: '"I lost my phone, this is my new number" and money',
    all: [['lost_phone'], ['pay', 'ask']], near: 20 },
  { id: 'text.guaranteed_returns', clause: '3.2', weight: 50, what: 'guaranteed or doubled returns',
    all: [['lure_invest', 'lure_job'], ['guarantee']], near: 12 },
  { id: 'text.quick_returns', clause: '3.2', weight: 45, what: 'invest now, get a multiple back within days',
    all: [['lure_invest'], ['receive'], ['period']], near: 15 },
  { id: 'text.urgent_payment', clause: '3.2', weight: 30, what: 'urgency and a payment demand together',
    all: [['urgency'], ['pay']], near: 12 },
  { id: 'text.pay_personal', clause: '3.2', weight: 25, what: 'payment to a personal UPI id or bank account',
    all: [['pay', 'fee'], ['@vpa', 'account_number']], near: 12 },
  { id: 'text.legal_threat_payment', clause: '3.2', weight: 30, what: 'legal action threatened unless you pay',
    all: [['legal_threat'], ['pay', 'fee']], near: 20 },
  { id: 'text.authority_scare', clause: '3.2', weight: 45, what: 'police, CBI, customs or narcotics and a crime in your name',
    all: [['authority'], ['crime']], near: 20 },
  { id: 'text.authority_payment', clause: '3.2', weight: 30, what: 'an authority or arrest and a payment',
    all: [['authority', 'crime'], ['pay', 'ask']], near: 25 },
  { id: 'text.violent_threat', clause: '3.2', weight: 75, what: 'a threat of violence', all: [['threat_violence']] },
  { id: 'text.intimidation', clause: '3.2', weight: 45, what: 'intimidation: we know where you live, I will find you', all: [['intimidation']] },
  { id: 'text.regret_threat', clause: '3.2', weight: 25, what: 'you will regret it', all: [['regret']] },
  { id: 'text.extortion', clause: '3.2', weight: 55, what: 'your photos shared unless you pay',
    all: [['extortion'], ['pay', 'threat_conditional', 'intimidation', 'threat_violence', 'regret', 'urgency']], near: 20 },
  { id: 'text.insult', clause: '3.2', weight: 20, what: 'an insult', all: [['insult']] },
  { id: 'text.fake_documents', clause: '3.2', weight: 75, what: 'fake identity documents or certificates offered',
    all: [['fake'], ['document']], near: 6 },
  { id: 'text.drugs_offer', clause: '3.2', weight: 75, what: 'illegal drugs offered', all: [['drugs'], ['offer']], near: 12 },
  { id: 'text.rx_without_prescription', clause: '3.2', weight: 75, what: 'controlled medicines without prescription',
    all: [['rx_drugs'], ['no_prescription']], near: 10 },
  { id: 'text.weapons_offer', clause: '3.2', weight: 75, what: 'firearms offered', all: [['weapons'], ['offer', 'no_licence']], near: 12 },
  { id: 'text.identity_trade', clause: '3.2', weight: 75, what: 'SIM cards without KYC or bank accounts for rent', all: [['identity_trade']] },
  { id: 'text.organ_trade', clause: '3.2', weight: 75, what: 'organs bought or sold', all: [['organ'], ['trade']], near: 6 },
  { id: 'text.piracy', clause: '3.5', weight: 45, what: 'pirated or cracked content offered', all: [['piracy']] },
];

/** Hits of `signal` that fall inside a hit of `by` are not evidence ("pin" in "pin code", "won" in "won't"). */
const MASKS: [string, string][] = [['secret_card', 'postal'], ['negation', 'reassurance'], ['lure_prize', 'contraction'], ['weapons', 'toy']];

export type Fired = { rule: TextRule; weight: number; evidence: string };

export function evaluateTextRules(signals: Signals, globals: Set<string>): Fired[] {
  const hits = masked(signals.hits);
  const isNegation = new Uint8Array(signals.words.length + 1);
  for (const n of hits.get('negation') ?? []) isNegation[n.start] = 1;
  const negated = (h: Hit) => {
    for (let i = Math.max(0, h.start - NEG_BEFORE); i < h.start; i++) if (isNegation[i]) return true;
    for (let i = h.end; i < Math.min(isNegation.length, h.end + NEG_AFTER); i++) if (isNegation[i]) return true;
    return false;
  };
  const fired: Fired[] = [];
  for (const rule of TEXT_RULES) {
    if (rule.unlessNegated && (hits.get(rule.unlessNegated) ?? []).some(negated)) continue;
    if (rule.unless && hits.has(rule.unless)) continue;
    // Most rules miss on a missing signal: check presence before building and sorting any hit list.
    if (!rule.all.every((group) => group.some((s) => (s.startsWith('@') ? globals.has(s) : hits.has(s))))) continue;
    const groups = rule.all.map((group, g) => {
      if (group.some((s) => s.startsWith('@') && globals.has(s))) return 'anywhere' as const;
      const list = group.flatMap((s) => hits.get(s) ?? []).sort((a, b) => a.start - b.start);
      return rule.negatable === g ? list.filter((h) => !negated(h)) : list;
    });
    const match = findMatch(groups, rule.near ?? Infinity);
    if (!match) continue;
    const weight = rule.reducedTo && hits.has(rule.reducedTo.signal) ? rule.reducedTo.weight : rule.weight;
    fired.push({ rule, weight, evidence: evidenceOf(signals.words, match) });
  }
  return fired;
}

// Anchored on each hit of the first group; every other group needs a hit within `near` words of it.
function findMatch(groups: (Hit[] | 'anywhere')[], near: number): Hit | null {
  const [first, ...rest] = groups;
  if (first === undefined) return null;
  const anchors = first === 'anywhere' ? [{ start: 0, end: 0 }] : first;
  for (const anchor of anchors) {
    let span: Hit = { ...anchor };
    let ok = true;
    for (const group of rest) {
      if (group === 'anywhere') continue;
      const h = group[firstFrom(group, anchor.start - near)];
      if (!h || h.start > anchor.start + near) { ok = false; break; }
      span = { start: Math.min(span.start, h.start), end: Math.max(span.end, h.end) };
    }
    if (ok) return span;
  }
  return null;
}

/** Index of the first hit (sorted by start) starting at or after `start`. */
function firstFrom(sorted: Hit[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.start ?? 0) < start) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function masked(hits: Map<string, Hit[]>): Map<string, Hit[]> {
  const out = new Map(hits);
  for (const [signal, by] of MASKS) {
    const list = out.get(signal);
    const cover = out.get(by);
    if (!list || !cover) continue;
    const covered = new Uint8Array(list.reduce((m, h) => Math.max(m, h.start), 0) + 1);
    for (const c of cover) for (let i = c.start; i < c.end && i < covered.length; i++) covered[i] = 1;
    const kept = list.filter((h) => !covered[h.start]);
    if (kept.length > 0) out.set(signal, kept); else out.delete(signal);
  }
  return out;
}

function evidenceOf(words: string[], span: Hit): string {
  const slice = words.slice(span.start, Math.min(span.end, span.start + 12));
  return slice.join(' ') + (span.end - span.start > 12 ? ' …' : '');
}
