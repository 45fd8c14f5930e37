import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findSendingCredentials } from '../phone-numbers/store.ts';
import { CloudApiError, CloudApiUnreachableError } from '../whatsapp/client.ts';
import { findMessage } from './store.ts';

/**
 * Marks a customer's message read (blue ticks on their phone; Meta marks the earlier ones too) and, when
 * asked, shows the typing indicator until the reply or for 25 seconds. Synchronous: the caller wants to know.
 */
export async function markRead(deps: Deps, orgId: string, messageId: string, options: { typing: boolean }) {
  const message = await findMessage(deps.db, orgId, messageId);
  if (!message || message.direction !== 'inbound' || !message.wamid) throw new AppError('not_found', { message: 'No such message from a customer.' });
  const creds = await findSendingCredentials(deps.db, orgId, message.phone_number_id);
  if (!creds) throw new AppError('not_found', { message: 'The number that received this message is no longer connected.' });
  try {
    await deps.cloudApi.markRead(openAccessToken(deps.sealer, orgId, creds.account_id, creds.access_token_enc), creds.phone_number_id, {
      messaging_product: 'whatsapp', status: 'read', message_id: message.wamid, ...(options.typing ? { typing_indicator: { type: 'text' } } : {}),
    });
  } catch (error) {
    if (error instanceof CloudApiError) throw new AppError('upstream_refused', { message: `The Cloud API refused (code ${error.code}).`, details: { cloud_api_code: error.code } });
    if (error instanceof CloudApiUnreachableError) throw new AppError('upstream_unavailable');
    throw error;
  }
  return { id: message.id, read: true, typing_indicator: options.typing };
}
