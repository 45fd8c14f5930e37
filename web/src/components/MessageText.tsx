import type { ApiError, paths } from '../api/client.ts';

/** A message as GET /v1/messages and GET /v1/messages/{id} answer it. */
export type Message = NonNullable<paths['/v1/messages']['get']['responses'][200]['content']['application/json']['data']>[number];

// What a message without words is, so a photo with no caption still says something.
const MEDIA_LABEL: Record<string, string> = {
  image: 'Photo', video: 'Video', audio: 'Voice message', document: 'Document', sticker: 'Sticker',
  location: 'Location', contacts: 'Contact card', reaction: 'Reaction', interactive: 'Interactive message',
  button: 'Button reply', order: 'Order', unsupported: 'A message type WhatsApp does not support yet',
};

/** "Photo", "Document"…: the kind of a message that is not (only) words; null for text and templates. */
export function mediaLabelOf(type: string | undefined): string | null {
  return MEDIA_LABEL[type ?? ''] ?? null;
}

/** One line of what the message says, as the customer saw it: a template's filled-in text, a text's body, a caption. */
export function summaryOf(m: Message): string {
  const type = m.type ?? 'text';
  const payload = (m.content?.[type] ?? {}) as Record<string, unknown>;
  if (type === 'template') return m.rendered_text ?? `Template ${String(payload['name'] ?? '')}`;
  if (type === 'text') return String(payload['body'] ?? '');
  if (type === 'reaction') return `Reacted ${String(payload['emoji'] ?? '')}`;
  if (type === 'button') return String(payload['text'] ?? MEDIA_LABEL[type]);
  if (type === 'interactive') {
    const reply = (payload['button_reply'] ?? payload['list_reply']) as { title?: string } | undefined;
    if (reply?.title) return reply.title;
    const body = payload['body'] as { text?: string } | undefined;
    if (body?.text) return body.text;
  }
  const caption = payload['caption'] ?? payload['filename'] ?? payload['name'];
  const label = MEDIA_LABEL[type] ?? type;
  return caption ? `${label}: ${String(caption)}` : label;
}

/** An API refusal: its message, and the policy clause behind it when there is one. */
export type Refusal = { message: string; clause: string | null; code: string | null };

export function refusalOf(error: unknown): Refusal {
  const body = error as Partial<ApiError> | undefined;
  return {
    message: body?.error?.message ?? (error instanceof Error ? error.message : 'The message could not be sent. Try again in a moment.'),
    clause: body?.error?.policy_clause ?? null,
    code: body?.error?.code ?? null,
  };
}

/** A link to a clause of the Acceptable Use Policy (the public page's anchors: src/policy/policy-page.ts). */
export function PolicyClause({ clause }: { clause: string }) {
  return <a href={`/legal/aup#c${clause}`} target="_blank" rel="noreferrer">Acceptable Use Policy, clause {clause}</a>;
}

/** A refusal as the person sending sees it. */
export function RefusalNotice({ refusal }: { refusal: Refusal }) {
  return (
    <div className="form-error" role="alert" data-testid="refusal">
      <p className="refusal-message">{refusal.message}</p>
      {refusal.clause ? <p className="refusal-clause">Why: <PolicyClause clause={refusal.clause} /></p> : null}
    </div>
  );
}
