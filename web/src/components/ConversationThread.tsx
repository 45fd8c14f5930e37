import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatCountdown, formatDateTime, formatTime } from '../format.ts';
import { Badge, ErrorState, Loading, StatusTicks, useInterval, useLoad } from '../ui.tsx';
import { Composer } from './Composer.tsx';
import { loadThread, type Contact, type ThreadMessage } from './conversations.ts';
import { mediaLabelOf } from './MessageText.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

const WINDOW_MS = 24 * 60 * 60 * 1000;
const SETTLED = new Set(['read', 'failed', 'deleted', 'received', 'played']);

/** One customer's messages as bubbles, the 24-hour window, and the ways to answer that it allows. */
export function ConversationThread({ contactId, onSent }: { contactId: string; onSent?: () => void }) {
  const thread = useLoad(() => loadThread(contactId), [contactId]);
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Statuses arrive as WhatsApp reports them: poll quickly while a message is on its way, slowly otherwise.
  const moving = thread.data?.messages.some((m) => m.direction === 'outbound' && !SETTLED.has(m.status ?? '')) ?? false;
  useInterval(() => void thread.reload(), moving ? 1_500 : 5_000);

  useEffect(() => { setPicking(false); setNotice(null); }, [contactId]);

  if (!thread.data) {
    if (thread.error) return <ErrorState message={thread.error} onRetry={thread.reload} />;
    return <div className="thread-panel"><Loading lines={8} label="Loading the conversation" /></div>;
  }
  const { contact, messages, from, more } = thread.data;
  const sent = (_id: string, status: string) => {
    setPicking(false);
    setNotice(status === 'held' ? 'Content screening held the message for a reviewer: it is sent once released.' : null);
    void thread.reload();
    onSent?.();
  };

  return (
    <div className="thread-panel">
      <header className="thread-header">
        <Link to="/inbox" className="thread-back">← All conversations</Link>
        <h2 className="thread-title">{contact.name || contact.phone}</h2>
        {contact.name ? <p className="muted thread-phone">{contact.phone}</p> : null}
        <WindowStatus lastInboundAt={contact.last_inbound_at ?? null} />
      </header>
      {more ? <p className="thread-more muted">Older messages are in the <Link to={`/messages?contact_id=${contact.id}`}>message log</Link>.</p> : null}
      <Bubbles messages={messages} contact={contact} />
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      <Answer contact={contact} from={from} picking={picking} setPicking={setPicking} onSent={sent} />
    </div>
  );
}

function windowClosesAt(lastInboundAt: string | null): number | null {
  return lastInboundAt ? new Date(lastInboundAt).getTime() + WINDOW_MS : null;
}

/** The customer-service window, counting down each second while it is open. */
function WindowStatus({ lastInboundAt }: { lastInboundAt: string | null }) {
  const [now, setNow] = useState(Date.now());
  const closes = windowClosesAt(lastInboundAt);
  const open = closes !== null && closes > now;
  useInterval(() => setNow(Date.now()), open ? 1_000 : null);
  if (!open) {
    return (
      <p className="window window-closed" data-testid="window">
        <Badge tone="neutral">Window closed</Badge>{' '}
        <span>{lastInboundAt ? `The customer last wrote ${formatDateTime(lastInboundAt)}.` : 'The customer has not written yet.'} Only an approved template can be sent.</span>
      </p>
    );
  }
  return (
    <p className="window window-open" data-testid="window">
      <Badge tone="good">Window open</Badge>{' '}
      <span>Free replies for <span role="timer" className="countdown">{formatCountdown(new Date(closes).toISOString(), now)}</span> more (until {formatTime(new Date(closes).toISOString())}).</span>
    </p>
  );
}

function Bubbles({ messages, contact }: { messages: ThreadMessage[]; contact: Contact }) {
  const end = useRef<HTMLLIElement>(null);
  const last = messages.at(-1)?.id;
  useEffect(() => { end.current?.scrollIntoView({ block: 'nearest' }); }, [last]);
  if (messages.length === 0) {
    return <p className="thread-empty muted">No messages with {contact.name || contact.phone} yet. Start the conversation with an approved template below.</p>;
  }
  return (
    <ol className="thread" aria-label={`Messages with ${contact.name || contact.phone}`}>
      {messages.map((m) => <Bubble key={m.id} message={m} />)}
      <li ref={end} className="thread-end" aria-hidden="true" />
    </ol>
  );
}

function Bubble({ message: m }: { message: ThreadMessage }) {
  const outbound = m.direction === 'outbound';
  const failure = m.status === 'failed' ? (m.failure_reason ?? 'WhatsApp did not deliver the message.') : null;
  const media = mediaLabelOf(m.type);
  const template = m.type === 'template' ? (m.content?.['template'] as { name?: string } | undefined)?.name ?? null : null;
  return (
    <li className={`bubble ${outbound ? 'bubble-out' : 'bubble-in'}${failure ? ' bubble-failed' : ''}`} data-testid="bubble" data-message-id={m.id}>
      <span className="visually-hidden">{outbound ? 'You' : 'Customer'}: </span>
      {template ? <p className="bubble-template muted">Template {template}</p> : null}
      {/* A captioned photo says it is a photo; a reply button's title needs no "Button reply" above it. */}
      {media && m.text && m.type !== 'interactive' && m.type !== 'button' ? <p className="bubble-media">{media}</p> : null}
      {m.text ? <p className="bubble-text">{m.text}</p> : <p className="bubble-text muted">{media ?? `[${m.type}]`}</p>}
      {failure ? <p className="bubble-failure" data-testid="failure">Not delivered: {failure}</p> : null}
      <p className="bubble-meta">
        <time dateTime={m.created_at}>{formatTime(m.created_at)}</time>
        {outbound ? <StatusTicks status={m.status ?? 'accepted'} /> : null}
        <Link to={`/messages/${m.id}`} className="bubble-details">Details<span className="visually-hidden"> of this message</span></Link>
      </p>
    </li>
  );
}

function Answer({ contact, from, picking, setPicking, onSent }: { contact: Contact; from: string | undefined; picking: boolean; setPicking: (v: boolean) => void; onSent: (id: string, status: string) => void }) {
  const closes = windowClosesAt(contact.last_inbound_at ?? null);
  const open = closes !== null && closes > Date.now();
  if (!open || picking) {
    return (
      <div className="answer">
        <TemplatePicker to={contact.phone!} from={from} onSent={onSent} {...(open ? { onCancel: () => setPicking(false) } : {})} />
      </div>
    );
  }
  return (
    <div className="answer">
      <Composer to={contact.phone!} from={from} onSent={onSent} />
      <button type="button" className="secondary template-toggle" onClick={() => setPicking(true)}>Send a template instead</button>
    </div>
  );
}
