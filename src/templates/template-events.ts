// The rules that turn Meta's template webhooks into a template's stored state (decision 0013), pure.
// Meta does not promise order or single delivery, so each event carries Meta's time (whole seconds):
// the newest event wins; within one second a status later in the lifecycle wins (rank below), and a
// quality or category change wins only if it continues from the value stored.

import type { TemplateRow } from './store.ts';

/** What the template's `status` can be: ours (DRAFT) and Meta's REST statuses (§4.6). */
export const TEMPLATE_STATUSES = [
  'DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED',
  'LIMIT_EXCEEDED', 'ARCHIVED',
] as const;

// Lifecycle order, for events of the same second. PENDING is lowest: a late PENDING never undoes a review result.
const RANK: Record<string, number> = {
  PENDING: 1, IN_APPEAL: 2, APPROVED: 3, REJECTED: 3, LOCKED: 4, FLAGGED: 4, PAUSED: 5, REINSTATED: 6, LIMIT_EXCEEDED: 6,
  ARCHIVED: 7, UNARCHIVED: 8, DISABLED: 9, PENDING_DELETION: 10, DELETED: 11,
};

/** Our own transitions (submit, edit) rank below every webhook of the same second: Meta's word on it wins. */
export const LOCAL_RANK = 0;

export type StatusInput = { event: string; time: Date | undefined };
export type StatusDecision =
  | { apply: false }
  | { apply: true; status: string; at: Date | null; rank: number };

/**
 * Whether a status event is newer than what is stored, and the status it leaves. FLAGGED and LOCKED are
 * events, not statuses (the template keeps its status); REINSTATED is APPROVED again; UNARCHIVED restores
 * the status from before the archive. DELETED is final. Without a time, only the rank decides.
 */
export function decideStatus(current: Pick<TemplateRow, 'status' | 'status_at' | 'status_rank'>, input: StatusInput, beforeArchive: string | null = null): StatusDecision {
  const rank = RANK[input.event];
  if (rank === undefined || current.status === 'DELETED') return { apply: false };
  const at = input.time ? wholeSeconds(input.time) : current.status_at;
  if (!isNewer({ at: current.status_at, rank: current.status_rank }, { at, rank })) return { apply: false };
  return { apply: true, status: statusAfter(input.event, current.status, beforeArchive), at, rank };
}

function statusAfter(event: string, current: string, beforeArchive: string | null): string {
  switch (event) {
    case 'FLAGGED': case 'LOCKED': return current;
    case 'REINSTATED': return 'APPROVED';
    case 'UNARCHIVED': return beforeArchive ?? 'APPROVED';
    default: return event;
  }
}

/** (time, rank) ordering; a stored state Meta never timed (a draft, our own PENDING before any webhook) is older than any event. */
export function isNewer(stored: { at: Date | null; rank: number }, incoming: { at: Date | null; rank: number }): boolean {
  if (stored.at === null) return true;
  if (incoming.at === null) return incoming.rank > stored.rank;
  const a = stored.at.getTime();
  const b = incoming.at.getTime();
  return b > a || (b === a && incoming.rank > stored.rank);
}

/** A quality or category value: newer by Meta's time, or of the same second and continuing from the stored value. */
export function decideChange(stored: { value: string | null; at: Date | null }, input: { previous?: string | undefined; next: string; time: Date | undefined }): boolean {
  if (input.next === stored.value) return false;
  if (stored.at === null || !input.time) return true;
  const a = stored.at.getTime();
  const b = wholeSeconds(input.time).getTime();
  return b > a || (b === a && input.previous !== undefined && input.previous === stored.value);
}

export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The `data` of a `template.status` customer event. */
export function templateStatusPayload(t: TemplateRow, e: {
  event: string; previousStatus: string | null; reason?: string | null | undefined; rejectionInfo?: unknown; detail?: unknown; at: Date | null;
}) {
  return {
    template_id: t.id, name: t.name, language: t.language, category: t.category, meta_template_id: t.meta_template_id,
    status: t.status, previous_status: e.previousStatus, event: e.event,
    reason: e.reason && e.reason !== 'NONE' ? e.reason : null,
    rejection_info: e.rejectionInfo ?? null, detail: e.detail ?? null,
    occurred_at: (e.at ?? new Date()).toISOString(),
  };
}

export function templateQualityPayload(t: TemplateRow, previous: string | null, at: Date | null) {
  return {
    template_id: t.id, name: t.name, language: t.language, meta_template_id: t.meta_template_id,
    quality_score: t.quality_score, previous_quality_score: previous, status: t.status, occurred_at: (at ?? new Date()).toISOString(),
  };
}

export function templateCategoryPayload(t: TemplateRow, e: { previous: string | null; correctCategory?: string | undefined; at: Date | null }) {
  return {
    template_id: t.id, name: t.name, language: t.language, meta_template_id: t.meta_template_id,
    category: t.category, previous_category: e.previous,
    // An announced change: Meta will move the template to this category (at Meta's stated time).
    upcoming_category: e.correctCategory ?? null,
    occurred_at: (e.at ?? new Date()).toISOString(),
  };
}

/** Why a template cannot be sent, in words a business acts on (the send path's `template_not_approved`). */
export function notSendableMessage(name: string, language: string, status: string): string {
  const which = `Template "${name}" (${language})`;
  switch (status) {
    case 'PAUSED': return `${which} is paused by Meta because of low quality: it cannot be sent until Meta unpauses it (3 or 6 hours) or you edit it.`;
    case 'DISABLED': return `${which} is disabled by Meta after repeated pauses for low quality: it can no longer be sent. Create a new template.`;
    case 'PENDING': return `${which} is still in Meta's review (PENDING): it can be sent once APPROVED.`;
    case 'DRAFT': return `${which} is a draft: submit it for review first.`;
    case 'REJECTED': return `${which} was rejected by Meta: edit it to submit it again.`;
    default: return `${which} is ${status}, not APPROVED.`;
  }
}
