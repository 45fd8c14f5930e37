import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { eraseContact, exportContact } from './privacy.ts';

export function privacyRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>('/v1/contacts/:id/export', {
      config: { scope: 'contacts:read' },
      schema: {
        tags: ['Contacts'],
        summary: 'Export all data held about one contact (JSON)',
        description: 'The contact, its consent records with their proof, its messages with their status history, and its customer-service windows: what a data-subject access request needs.',
        params: idParams,
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(401, 403, 404) },
      },
    }, async (request, reply) => {
      const data = await exportContact(deps.db, orgOf(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="${request.params.id}.json"`).send(data);
    });

    app.delete<{ Params: { id: string } }>('/v1/contacts/:id', {
      config: { scope: 'contacts:write' },
      schema: {
        tags: ['Contacts'],
        summary: 'Erase a contact',
        description: 'Removes the contact\'s personal data: its number, name, attributes and tags, the content of its messages, its consent proofs and stored media. Message ids, statuses and billing stay, and the consent ledger stays verifiable (an `erased` record is appended). A keyed hash of the number goes on the suppression list: no template reaches that number again until it opts in anew.',
        params: idParams,
        response: {
          200: { type: 'object', properties: { id: { type: 'string' }, erased_at: { type: 'string', format: 'date-time' }, suppressed: { type: 'boolean' } } },
          ...errorResponses(401, 403, 404),
        },
      },
    }, async (request) => {
      const auth = authOf(request);
      const { erased_at } = await eraseContact(deps, auth.orgId, request.params.id, auth.actor, request.id);
      return { id: request.params.id, erased_at, suppressed: true };
    });
  };
}
