import { describe, expect, it } from 'vitest';
import { policyDecisionOf } from './policy-decision.ts';
import type { MessageRow } from './store.ts';

const at = new Date('2026-11-26T10:00:00Z');
const message = (over: Partial<MessageRow>): MessageRow => ({
  org_id: 'org_1', id: 'msg_1', direction: 'outbound', phone_number_id: 'pn_1', contact_id: 'ct_1', counterpart: '+12025550100',
  type: 'template', content: {}, template_id: 'tpl_1', status: 'read', wamid: 'wamid.1', metadata: null, error: null, attempts: 1,
  pricing: null, conversation: null, rendered_text: null, category: 'marketing', consent_record_id: 'cr_1', screening: null,
  created_at: at, updated_at: at, ...over,
});
const consent = { id: 'cr_1', purpose: 'marketing', state: 'opted_in', source: 'web_form', recorded_at: at };
const hold = { decision: 'hold', score: 0.6, rules: [{ id: 'url.ip_host', clause: '3.2', weight: 0.6, evidence: 'http://203.0.113.9' }] };

describe('the policy decision behind a message', () => {
  it('a template allowed by the consent record it used, screened clean', () => {
    expect(policyDecisionOf(message({}), [], consent)).toMatchObject({
      decision: 'allowed', basis: 'consent', category: 'marketing', clause: null, review: null,
      consent: { record_id: 'cr_1', purpose: 'marketing', source: 'web_form' }, screening: { decision: 'allow', rules: [] },
    });
  });

  it('a reply allowed by the customer-service window', () => {
    expect(policyDecisionOf(message({ type: 'text', category: null, consent_record_id: null, template_id: null }), [], null))
      .toMatchObject({ decision: 'allowed', basis: 'customer_service_window', consent: null });
  });

  it('a template without a consent record is the double opt-in confirmation', () => {
    expect(policyDecisionOf(message({ consent_record_id: null }), [], null)).toMatchObject({ decision: 'allowed', basis: 'consent_exemption' });
  });

  it('held, then released or rejected by a reviewer, with the clause of the hold', () => {
    expect(policyDecisionOf(message({ type: 'text', status: 'held', screening: hold }), [], null)).toMatchObject({ decision: 'held', clause: '3.2' });
    const released = policyDecisionOf(message({ type: 'text', screening: hold }), [{ status: 'accepted', occurred_at: at, source: 'review', detail: { by: 'api_key:key_1', note: 'ours' } }], null);
    expect(released).toMatchObject({ decision: 'allowed', clause: null, review: { outcome: 'released', by: 'api_key:key_1', note: 'ours' } });
    const rejected = policyDecisionOf(message({ type: 'text', status: 'failed', screening: hold }), [{ status: 'failed', occurred_at: at, source: 'review', detail: { by: 'api_key:key_1', note: null } }], null);
    expect(rejected).toMatchObject({ decision: 'refused', clause: '3.2', review: { outcome: 'rejected' } });
  });

  it('none for a customer\'s message', () => {
    expect(policyDecisionOf(message({ direction: 'inbound', status: 'received' }), [], null)).toBeNull();
  });
});
