import { useEffect, useRef, useState } from 'react';

/**
 * A secret the platform shows in one response only (an API key, a webhook signing secret): shown once, with a copy
 * button, until the user says it is stored. Only its hash is kept, so a lost secret means a new one.
 */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = `secret-${label.replace(/\W+/g, '-').toLowerCase()}`;
  useEffect(() => { field.current?.focus(); field.current?.select(); }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // The clipboard can be refused (permissions, an insecure origin): the text stays selected for Ctrl+C.
      field.current?.select();
      setCopied('no');
    }
  };

  return (
    <div className="secret-once" role="region" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input id={id} ref={field} className="secret-value" readOnly value={secret} spellCheck={false} data-testid="secret-value" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()}>Copy</button>
      </div>
      <p className="secret-warning"><strong>Store it now: you won&apos;t see it again.</strong> Xpecto keeps only a hash of it; if it is lost, create a new one.</p>
      <p role="status" className="secret-copied">{copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'The browser refused the clipboard: the text is selected, press Ctrl+C (⌘C).' : ''}</p>
      <button type="button" className="secondary" onClick={onDone}>I have stored it</button>
    </div>
  );
}
