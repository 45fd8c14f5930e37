import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { emitEvents } from './emit-events.ts';
import { disableEndpoint, insertAccountEvent } from './store.ts';

export type DisableReason = 'gone' | 'failing';

/**
 * Stops deliveries to an endpoint the receiver retired (410) or that failed every attempt for days, and
 * tells its owner: an account event (the notification e-mail reads these) and a
 * `webhook_endpoint.disabled` event to the organization's other endpoints.
 */
export async function disableEndpointAndNotify(deps: Deps, orgId: string, endpointId: string, reason: DisableReason, detail: Record<string, unknown>) {
  const disabled = await deps.db.transaction(async (tx) => {
    if (!(await disableEndpoint(tx, orgId, endpointId, reason))) return false;
    const info = { endpoint_id: endpointId, reason, ...detail };
    await insertAccountEvent(tx, orgId, { id: newId('accountEvent'), kind: 'webhook_endpoint.disabled', subject: endpointId, detail: info });
    await emitEvents(tx, orgId, [{ type: 'webhook_endpoint.disabled', subject: endpointId, payload: info }]);
    return true;
  });
  if (disabled) deps.log.warn({ orgId, endpointId, reason }, 'webhook endpoint disabled');
  return disabled;
}
