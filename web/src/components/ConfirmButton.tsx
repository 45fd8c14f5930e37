import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A destructive action asked twice: the button opens an inline question with the consequence in words, and the
 * action runs only from its own button. Escape or Cancel closes it; focus goes to the question's action and back.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, className = 'danger' }: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<string | null>;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) confirm.current?.focus(); }, [open]);

  const close = () => { setOpen(false); setError(null); opener.current?.focus(); };
  const run = async () => {
    setBusy(true);
    const failure = await onConfirm();
    setBusy(false);
    if (failure) setError(failure);
    else setOpen(false);
  };

  if (!open) return <button type="button" ref={opener} className={className} onClick={() => setOpen(true)}>{label}</button>;
  return (
    <div className="confirm" role="group" aria-label="Confirm" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
      <p className="confirm-question">{question}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="row">
        <button type="button" ref={confirm} className="danger" disabled={busy} onClick={() => void run()}>{busy ? 'Working…' : confirmLabel}</button>
        <button type="button" className="secondary" onClick={close}>Cancel</button>
      </div>
    </div>
  );
}
