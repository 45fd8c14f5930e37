import { monotonicFactory } from 'ulid';

// Resource ids carry a type prefix and a ULID: time-ordered, so "newest first" is "id descending".
export const ID_PREFIXES = {
  org: 'org',
  user: 'usr',
  apiKey: 'key',
  account: 'waba',
  phoneNumber: 'pn',
  contact: 'ct',
  consent: 'cns',
  template: 'tpl',
  message: 'msg',
  webhookEvent: 'whe',
  request: 'req',
  accountEvent: 'aev',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const nextUlid = monotonicFactory();

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${nextUlid().toLowerCase()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
