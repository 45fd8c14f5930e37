import { formatDateTime } from '../../format.ts';
import { Badge, statusTone } from '../../ui.tsx';

const STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Draft', PENDING: 'In review', APPROVED: 'Approved', REJECTED: 'Rejected', PAUSED: 'Paused', DISABLED: 'Disabled',
  IN_APPEAL: 'In appeal', PENDING_DELETION: 'Being deleted', DELETED: 'Deleted', LIMIT_EXCEEDED: 'Limit exceeded', ARCHIVED: 'Archived',
};

/** A status, or a quality rating, in words. */
export function eventLabel(kind: string | undefined, value: string | null | undefined): string {
  if (!value) return '—';
  if (kind === 'status') return STATUS_LABELS[value] ?? value;
  if (kind === 'quality') return QUALITY[value]?.label ?? 'Not rated';
  if (kind === 'category') return value.charAt(0) + value.slice(1).toLowerCase();
  return value;
}

/** The template's status in words (colour is never the only cue). */
export function StatusBadge({ status }: { status: string | undefined }) {
  const s = status ?? 'DRAFT';
  return <span data-testid="template-status" data-status={s}><Badge tone={s === 'DRAFT' ? 'info' : statusTone(s)}>{STATUS_LABELS[s] ?? s}</Badge></span>;
}

const QUALITY: Record<string, { label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' }> = {
  GREEN: { label: 'High quality', tone: 'good' },
  YELLOW: { label: 'Medium quality', tone: 'warn' },
  RED: { label: 'Low quality', tone: 'bad' },
};

/** Meta's quality rating of a sent template; nothing to show until it has one. */
export function QualityBadge({ quality }: { quality: string | null | undefined }) {
  const q = quality ? QUALITY[quality] : undefined;
  if (!q) return <span className="muted small-text">Quality not rated yet</span>;
  return <span data-testid="template-quality" data-quality={quality}><Badge tone={q.tone}>{q.label}</Badge></span>;
}

const REASONS: Record<string, string> = {
  PROMOTIONAL: 'Promotional content in a template that is not marketing.',
  ABUSIVE_CONTENT: 'Content that breaks WhatsApp\'s policies.',
  INCORRECT_CATEGORY: 'The category does not fit the content.',
  INVALID_FORMAT: 'The format does not follow WhatsApp\'s rules.',
  SCAM: 'Content that looks like a scam.',
  TAG_CONTENT_MISMATCH: 'The content does not match the category.',
};

type WithReasons = { status?: string; rejected_reason?: string | null; rejection_info?: Record<string, unknown> | null; status_detail?: Record<string, unknown> | null };

/** Why a template cannot be sent: Meta's rejection with its recommendation, or why it was paused or disabled. */
export function statusReason(t: WithReasons): string | null {
  if (t.status === 'REJECTED') return rejectionText(t);
  if (t.status !== 'PAUSED' && t.status !== 'DISABLED') return null;
  const info = (t.status_detail?.other_info ?? {}) as { title?: string; description?: string };
  const disabled = typeof t.status_detail?.disable_date === 'string' ? `Disabled on ${formatDateTime(t.status_detail.disable_date)}.` : null;
  const text = [info.description ?? (t.status === 'PAUSED' ? 'Paused by WhatsApp because customers reported or blocked it.' : null), disabled].filter(Boolean).join(' ');
  return text || null;
}

/** Why Meta rejected it, in words, with Meta's own recommendation when it gave one. */
export function rejectionText(t: WithReasons): string | null {
  // Meta says NONE for "no reason" on an approval.
  const code = t.rejected_reason && t.rejected_reason !== 'NONE' ? t.rejected_reason : null;
  if (!code && !t.rejection_info) return null;
  const reason = code ? REASONS[code] ?? code : null;
  const info = t.rejection_info ?? {};
  const parts = [reason, typeof info.reason === 'string' ? info.reason : null, typeof info.recommendation === 'string' ? `Recommendation: ${info.recommendation}` : null];
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(' ') || null;
}
