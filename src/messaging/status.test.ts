import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTBOUND_STATUSES, advanceStatus, type OutboundStatus } from './status.ts';

const apply = (events: OutboundStatus[]) =>
  events.reduce<OutboundStatus>((current, incoming) => advanceStatus(current, incoming) ?? current, 'accepted');

describe('advanceStatus', () => {
  it('moves forward through the normal order', () => {
    expect(apply(['queued', 'sent', 'delivered', 'read'])).toBe('read');
  });

  it('ignores a late sent after read and a duplicate delivered', () => {
    expect(apply(['queued', 'read', 'sent', 'delivered', 'delivered'])).toBe('read');
  });

  it('accepts read without delivered', () => {
    expect(advanceStatus('sent', 'read')).toBe('read');
  });

  it('never leaves failed or deleted', () => {
    for (const s of OUTBOUND_STATUSES) {
      expect(advanceStatus('failed', s)).toBeNull();
      expect(advanceStatus('deleted', s)).toBeNull();
    }
  });

  it('ends in deleted from any status before it', () => {
    for (const s of ['accepted', 'queued', 'sent', 'delivered', 'read', 'played'] as const) expect(advanceStatus(s, 'deleted')).toBe('deleted');
  });

  it('does not fail a message that was already delivered', () => {
    expect(advanceStatus('delivered', 'failed')).toBeNull();
    expect(advanceStatus('sent', 'failed')).toBe('failed');
  });

  it('ends in the same status whatever the order of the same non-failed events', () => {
    const forward = fc.subarray(['queued', 'sent', 'delivered', 'read'] as OutboundStatus[], { minLength: 1 });
    fc.assert(fc.property(forward, fc.func(fc.integer()), (events, key) => {
      const shuffled = [...events].sort((a, b) => key(a) - key(b));
      expect(apply(shuffled)).toBe(apply(events));
    }));
  });
});
