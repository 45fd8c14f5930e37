import { useId, useRef, useState, type FormEvent } from 'react';
import { api, type paths } from '../api/client.ts';
import { RefusalNotice, refusalOf, type Refusal } from './MessageText.tsx';

type SendBody = paths['/v1/messages']['post']['requestBody']['content']['application/json'];
type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/**
 * A free-form reply inside the customer-service window: text, or a file with an optional caption. The file goes
 * to POST /v1/media first; the message then names the stored media by its id.
 */
export function Composer({ to, from, onSent }: { to: string; from: string | undefined; onSent: (id: string, status: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() && !file) return;
    setRefusal(null);
    let media: { id: string; kind: MediaKind } | null = null;
    if (file) {
      setBusy('Uploading…');
      const form = new FormData();
      form.append('file', file, file.name);
      // The upload is multipart (the OpenAPI document describes no JSON body): openapi-fetch passes FormData as is.
      const uploaded = await api.POST('/v1/media', { body: form as never });
      if (uploaded.error || !uploaded.data) {
        setBusy(null);
        return setRefusal(refusalOf(uploaded.error));
      }
      media = { id: uploaded.data.id!, kind: uploaded.data.kind ?? 'document' };
    }
    setBusy('Sending…');
    const caption = text.trim();
    const body = media
      ? { to, ...(from ? { from } : {}), type: media.kind, [media.kind]: { id: media.id, ...(caption && media.kind !== 'audio' && media.kind !== 'sticker' ? { caption } : {}), ...(media.kind === 'document' ? { filename: file!.name } : {}) } }
      : { to, ...(from ? { from } : {}), type: 'text' as const, text: { body: caption } };
    const { data, error } = await api.POST('/v1/messages', {
      params: { header: { 'idempotency-key': crypto.randomUUID() } },
      body: body as SendBody,
    });
    setBusy(null);
    if (error || !data) return setRefusal(refusalOf(error));
    setText('');
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    onSent(data.id!, data.status ?? 'accepted');
  };

  return (
    <form className="composer" onSubmit={(e) => void submit(e)} aria-label="Reply">
      {refusal ? <RefusalNotice refusal={refusal} /> : null}
      <label htmlFor={`${id}-text`} className="visually-hidden">{file ? 'Caption' : 'Message'}</label>
      <textarea
        id={`${id}-text`} rows={2} value={text} placeholder={file ? 'Add a caption (optional)' : 'Type a reply'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); e.currentTarget.form?.requestSubmit(); } }}
      />
      <div className="composer-actions">
        <input
          id={`${id}-file`} ref={fileInput} type="file" className="visually-hidden file-input"
          accept="image/jpeg,image/png,video/mp4,video/3gpp,audio/aac,audio/mp4,audio/mpeg,audio/amr,audio/ogg,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.presentationml.presentation,image/webp"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {/* The label is the visible control; the input stays focusable, and its focus ring is drawn on the label. */}
        <label className="button secondary file-button" htmlFor={`${id}-file`}>
          {file ? `File: ${file.name}` : 'Attach a file'}
        </label>
        {file ? <button type="button" className="link-button" onClick={() => { setFile(null); if (fileInput.current) fileInput.current.value = ''; }}>Remove the file</button> : null}
        <button type="submit" disabled={busy !== null || (!text.trim() && !file)}>{busy ?? 'Send'}</button>
      </div>
    </form>
  );
}
