import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from './api/client.ts';

/**
 * Loads what a view shows. `load` returns openapi-fetch's `{ data, error }`; the view renders the three states.
 * A reload keeps the last data on screen (no flash, no layout shift) until the new answer arrives.
 */
export function useLoad<T>(load: () => Promise<{ data?: T; error?: unknown }>, deps: unknown[]) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const seq = useRef(0);
  const run = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const { data, error } = await load();
      if (mine !== seq.current) return;
      setState(error || data === undefined ? { data: null, error: errorMessage(error), loading: false } : { data, error: null, loading: false });
    } catch (e) {
      if (mine === seq.current) setState({ data: null, error: errorMessage(e), loading: false });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => { void run(); }, [run]);
  return { ...state, reload: run };
}

/** Polls while mounted (statuses, import progress). */
export function useInterval(fn: () => void, ms: number | null) {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    if (ms === null) return;
    const id = setInterval(() => saved.current(), ms);
    return () => clearInterval(id);
  }, [ms]);
}

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`}>
      {title ? <h2 className="card-title">{title}</h2> : null}
      {children}
    </section>
  );
}

/** A placeholder with the size of what it stands for, so nothing moves when the data arrives. */
export function Loading({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite" style={{ minHeight: `${lines * 1.75}rem` }}>
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: lines }, (_, i) => <div key={i} className="skeleton-line" />)}
    </div>
  );
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}

/** What failed, in words, and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <p>{message}</p>
      {onRetry ? <button type="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}

/** Loading, error or the content — the three states every view renders. */
export function Loaded<T>({ result, lines, children }: { result: { data: T | null; error: string | null; loading: boolean; reload: () => void }; lines?: number; children: (data: T) => ReactNode }) {
  if (result.data !== null) return <>{children(result.data)}</>;
  if (result.error) return <ErrorState message={result.error} onRetry={result.reload} />;
  return <Loading lines={lines} />;
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const TICKS: Record<string, { ticks: string; label: string; className: string }> = {
  accepted: { ticks: 'clock', label: 'Accepted, waiting to be sent', className: 'ticks-pending' },
  held: { ticks: 'pause', label: 'Held for review', className: 'ticks-pending' },
  sending: { ticks: 'clock', label: 'Sending', className: 'ticks-pending' },
  queued: { ticks: 'clock', label: 'Sending', className: 'ticks-pending' },
  sent: { ticks: '✓', label: 'Sent', className: 'ticks-sent' },
  delivered: { ticks: '✓✓', label: 'Delivered', className: 'ticks-delivered' },
  read: { ticks: '✓✓', label: 'Read', className: 'ticks-read' },
  failed: { ticks: '!', label: 'Failed', className: 'ticks-failed' },
};

/** WhatsApp's ticks: one grey (sent), two grey (delivered), two blue (read). */
export function StatusTicks({ status }: { status: string }) {
  const t = TICKS[status] ?? { ticks: '·', label: status, className: 'ticks-pending' };
  // Drawn, not an emoji: a machine without an emoji font would show an empty box.
  const glyph = t.ticks === 'clock'
    ? <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.3" /><path d="M6 3v3.2l2 1.3" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" /></svg>
    : t.ticks === 'pause'
      ? <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect x="2.5" y="2" width="2.5" height="8" fill="currentColor" /><rect x="7" y="2" width="2.5" height="8" fill="currentColor" /></svg>
      : t.ticks;
  return <span className={`ticks ${t.className}`} title={t.label} role="img" aria-label={t.label} data-status={status}>{glyph}</span>;
}

export function statusTone(status: string): 'neutral' | 'good' | 'warn' | 'bad' | 'info' {
  if (status === 'read' || status === 'delivered' || status === 'APPROVED' || status === 'GREEN' || status === 'good') return 'good';
  if (status === 'failed' || status === 'REJECTED' || status === 'DISABLED' || status === 'RED' || status === 'suspended' || status === 'terminated') return 'bad';
  if (status === 'PENDING' || status === 'PAUSED' || status === 'YELLOW' || status === 'warned' || status === 'restricted' || status === 'held') return 'warn';
  return 'neutral';
}
