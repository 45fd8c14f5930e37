import type { ReactNode } from 'react';

export type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

/**
 * A labelled control with its hint and its messages: the control is described by both (a screen reader reads
 * the problem with the field) and marked invalid while a message stands.
 */
export function Field({ id, label, hint, messages, className, children }: {
  id: string; label: ReactNode; hint?: ReactNode; messages?: string[] | undefined; className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const invalid = !!messages && messages.length > 0;
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field ${invalid ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(invalid ? { 'aria-invalid': true as const } : {}) })}
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      <FieldMessages id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** A field's problems, in words; present only while there are some. */
export function FieldMessages({ id, messages }: { id: string; messages?: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul id={id} className="field-error" data-testid="field-error">
      {messages.map((m) => <li key={m}>{capitalize(m)}</li>)}
    </ul>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
