import { api, type paths } from '../api/client.ts';

export type Contact = NonNullable<paths['/v1/contacts/{id}']['get']['responses'][200]['content']['application/json']>;
export type Conversation = NonNullable<paths['/v1/conversations']['get']['responses'][200]['content']['application/json']['data']>[number];
export type ThreadMessage = NonNullable<paths['/v1/conversations/{contact_id}/messages']['get']['responses'][200]['content']['application/json']['data']>[number];

type Result<T> = { data?: T; error?: unknown };

// The newest messages of a thread; older ones are a page further back (next_cursor), loaded on request.
const THREAD_PAGE = 100;

/** A contact, their messages oldest first, and the number to answer from (the window is per business number). */
export async function loadThread(contactId: string): Promise<Result<{ contact: Contact; messages: ThreadMessage[]; from: string | undefined; more: boolean }>> {
  const [contact, messages] = await Promise.all([
    api.GET('/v1/contacts/{id}', { params: { path: { id: contactId } } }),
    api.GET('/v1/conversations/{contact_id}/messages', { params: { path: { contact_id: contactId }, query: { limit: THREAD_PAGE } } }),
  ]);
  if (contact.error || !contact.data) return { error: contact.error };
  if (messages.error || !messages.data) return { error: messages.error };
  const newestFirst = messages.data.data ?? [];
  // Answer on the number the customer last wrote to, else the one the business last used.
  const from = (newestFirst.find((m) => m.direction === 'inbound') ?? newestFirst[0])?.phone_number_id;
  return { data: { contact: contact.data, messages: [...newestFirst].reverse(), from, more: Boolean(messages.data.next_cursor) } };
}

/** Contacts whose name contains, or number starts with, what was typed. */
export async function searchContacts(q: string): Promise<Result<Contact[]>> {
  const digits = q.replace(/[\s()+.-]/g, '');
  const query = /^\d+$/.test(digits) ? digits : q.trim();
  const found = await api.GET('/v1/contacts', { params: { query: { limit: 10, ...(query ? { q: query } : {}) } } });
  return found.error || !found.data ? { error: found.error } : { data: found.data.data ?? [] };
}
