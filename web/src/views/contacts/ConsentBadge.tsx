import { Badge } from '../../ui.tsx';

const STATES: Record<string, { label: string; tone: 'good' | 'bad' | 'neutral' | 'warn' }> = {
  opted_in: { label: 'Opted in', tone: 'good' },
  opted_out: { label: 'Opted out', tone: 'bad' },
  erased: { label: 'Erased', tone: 'warn' },
  none: { label: 'Not asked', tone: 'neutral' },
};

/** A consent state in words (colour is never the only cue). */
export function ConsentBadge({ state }: { state: string | undefined }) {
  const s = STATES[state ?? 'none'] ?? { label: state ?? '—', tone: 'neutral' as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
