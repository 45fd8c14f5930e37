import { useId, useState, type FormEvent } from 'react';
import { Link, NavLink, Route, Routes, useNavigate, useParams } from 'react-router';
import { ConversationThread } from '../components/ConversationThread.tsx';
import { searchContacts, type Contact, type Conversation } from '../components/conversations.ts';
import { api } from '../api/client.ts';
import { formatNumber, formatRelative } from '../format.ts';
import { EmptyState, ErrorState, Loading, Page, StatusTicks, useInterval, useLoad } from '../ui.tsx';

export function Inbox() {
  return (
    <Routes>
      <Route index element={<InboxLayout />} />
      <Route path=":contactId" element={<InboxLayout />} />
    </Routes>
  );
}

/** Conversations on the left and the open one on the right; on a phone, one or the other. */
function InboxLayout() {
  const { contactId } = useParams();
  // Bumped by each send, so the list shows the new last message at once instead of at its next poll.
  const [sends, setSends] = useState(0);
  return (
    <Page title="Inbox">
      <div className={`inbox ${contactId ? 'inbox-has-thread' : 'inbox-no-thread'}`}>
        <div className="inbox-list">
          <NewConversation />
          <ConversationList sends={sends} />
        </div>
        <section className="inbox-thread" aria-label="Conversation">
          {contactId ? <ConversationThread contactId={contactId} onSent={() => setSends((n) => n + 1)} /> : (
            <EmptyState title="Pick a conversation">Choose one on the left, or start a new one with a contact who opted in.</EmptyState>
          )}
        </section>
      </div>
    </Page>
  );
}

function ConversationList({ sends }: { sends: number }) {
  const list = useLoad(() => api.GET('/v1/conversations', { params: { query: { limit: 50 } } }), [sends]);
  useInterval(() => void list.reload(), 5_000);
  if (!list.data) {
    if (list.error) return <ErrorState message={list.error} onRetry={list.reload} />;
    return <Loading lines={6} label="Loading conversations" />;
  }
  const conversations = list.data.data ?? [];
  if (conversations.length === 0) {
    return <EmptyState title="No conversations yet.">Start one above with a contact who opted in; replies from customers appear here too.</EmptyState>;
  }
  return (
    <nav aria-label="Conversations">
      <ul className="conversation-list">
        {conversations.map((c) => <ConversationItem key={c.contact?.id} conversation={c} />)}
      </ul>
      {list.data.next_cursor ? <p className="muted list-more">Older conversations are in the <Link to="/messages">message log</Link>.</p> : null}
    </nav>
  );
}

function ConversationItem({ conversation: c }: { conversation: Conversation }) {
  const last = c.last_message ?? {};
  const who = c.contact?.name || c.contact?.phone;
  return (
    <li>
      <NavLink to={`/inbox/${c.contact?.id}`} className="conversation-item" data-testid="conversation">
        <span className="conversation-top">
          <span className="conversation-name">{who}</span>
          <time className="conversation-time muted" dateTime={last.at}>{last.at ? formatRelative(last.at) : ''}</time>
        </span>
        <span className="conversation-last">
          {last.direction === 'outbound' ? <StatusTicks status={last.status ?? 'accepted'} /> : null}
          <span className="conversation-snippet">{last.text}</span>
          {c.unanswered_count ? <span className="badge badge-info unanswered">{formatNumber(c.unanswered_count)}<span className="visually-hidden"> waiting for an answer</span></span> : null}
          {c.window_open ? <span className="window-dot" title="The 24-hour window is open"><span className="visually-hidden">(window open)</span></span> : null}
        </span>
      </NavLink>
    </li>
  );
}

/** Find a contact by name or number and open their conversation. */
function NewConversation() {
  const id = useId();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = await searchContacts(q);
    if (!found.data) return setError('The contacts could not be searched. Try again.');
    if (found.data.length === 1) {
      setResults(null);
      setQ('');
      return navigate(`/inbox/${found.data[0]!.id}`);
    }
    setResults(found.data);
  };

  return (
    <form className="new-conversation" onSubmit={(e) => void search(e)} role="search" aria-label="New conversation">
      <label htmlFor={`${id}-q`}>New conversation</label>
      <div className="row search-row">
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or number" />
        <button type="submit">Open</button>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {results ? (
        results.length === 0
          ? <p className="muted" role="status">No contact matches. Add contacts under <Link to="/contacts">Contacts</Link>.</p>
          : (
            <ul className="search-results" aria-label="Matching contacts">
              {results.map((c) => (
                <li key={c.id}><Link to={`/inbox/${c.id}`} onClick={() => setResults(null)}>{c.name || c.phone}{c.name ? <span className="muted"> · {c.phone}</span> : null}</Link></li>
              ))}
            </ul>
          )
      ) : null}
    </form>
  );
}
