// The outbound status machine. Meta does not promise order or uniqueness of status webhooks, so a status
// only ever moves forward: failed and deleted are terminal, and otherwise the highest of the ranks below wins.
export const OUTBOUND_STATUSES = ['held', 'accepted', 'queued', 'sent', 'delivered', 'read', 'played', 'failed', 'deleted'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

type Progress = Exclude<OutboundStatus, 'failed' | 'deleted'>;

// held: content screening stopped it before the outbox; only a reviewer's release moves it on (to accepted).
const RANK: Record<Progress, number> = {
  held: -1, accepted: 0, queued: 1, sent: 2, delivered: 3, read: 4, played: 5,
};

/** The status after `incoming` is applied to a message in `current`, or null when nothing changes. */
export function advanceStatus(current: OutboundStatus, incoming: OutboundStatus): OutboundStatus | null {
  if (current === 'failed' || current === 'deleted' || current === incoming) return null;
  if (incoming === 'deleted') return 'deleted';
  // A failure reported after the message reached the phone contradicts what the user saw; keep the delivery.
  if (incoming === 'failed') return RANK[current] < RANK.delivered ? 'failed' : null;
  return RANK[incoming] > RANK[current] ? incoming : null;
}
