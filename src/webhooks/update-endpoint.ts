import type { Deps } from '../deps.ts';
import { AppError } from '../lib/app-error.ts';
import { assertUrlAllowed } from './create-endpoint.ts';
import { updateEndpoint } from './store.ts';

export type UpdateEndpointInput = { url?: string; event_types?: string[]; description?: string; status?: 'active' | 'disabled' };

/** Changes an endpoint. Setting `status: active` re-enables a disabled one; replay what it missed with a time range. */
export async function updateWebhookEndpoint(deps: Deps, orgId: string, endpointId: string, input: UpdateEndpointInput) {
  if (input.url !== undefined) await assertUrlAllowed(deps, input.url);
  const endpoint = await updateEndpoint(deps.db, orgId, endpointId, {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.event_types !== undefined ? { eventTypes: [...new Set(input.event_types)] } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  });
  if (!endpoint) throw new AppError('not_found', { message: 'No such webhook endpoint.' });
  return endpoint;
}
