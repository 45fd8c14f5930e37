import { formatDateTime } from '../../format.ts';
import { Badge } from '../../ui.tsx';
import { WEBHOOK_EVENTS } from './webhook-events.ts';

const DISABLED_REASON: Record<string, string> = {
  gone: 'the receiver answered 410 Gone',
  failing: 'every attempt failed for 5 days',
  manual: 'disabled by hand',
};

export function EndpointStatus({ endpoint }: { endpoint: { status?: string; disabled_reason?: string | null; failing_since?: string | null } }) {
  if (endpoint.status === 'disabled') {
    return <Badge tone="bad">Disabled{endpoint.disabled_reason ? `: ${DISABLED_REASON[endpoint.disabled_reason] ?? endpoint.disabled_reason}` : ''}</Badge>;
  }
  if (endpoint.failing_since) return <Badge tone="warn">Failing since {formatDateTime(endpoint.failing_since)}</Badge>;
  return <Badge tone="good">Enabled</Badge>;
}

export function EventList({ events }: { events: string[] }) {
  if (events.includes('*')) return <p className="chips-line">All events</p>;
  return (
    <ul className="chips" aria-label="Events">
      {events.map((e) => <li key={e} title={WEBHOOK_EVENTS.find((x) => x.id === e)?.label ?? e}><code>{e}</code></li>)}
    </ul>
  );
}
