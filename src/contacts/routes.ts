import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { authOf, orgOf } from '../http/auth.ts';
import { pageOf, pageQuerySchema, readPage, type PageQuery } from '../http/pagination.ts';
import { errorResponses, idParams } from '../http/schemas.ts';
import { AppError } from '../lib/app-error.ts';
import { ATTRIBUTE_TYPES, createDefinition, deleteDefinition, listDefinitions, type AttributeDefinition, type NewDefinition } from './attributes.ts';
import { consentStatesOf, findContact } from './contacts-store.ts';
import { TAG_MAX_LENGTH, TAGS_PER_CONTACT } from './contact-fields.ts';
import { checkBodyFilter, checkQueryFilter, contactView, findContacts, viewsOf } from './find-contacts.ts';
import { createContact, updateContact, type ContactInput } from './save-contact.ts';
import { segmentRoutes } from './segment-routes.ts';
import { tagContacts, type TagChange } from './tag-contacts.ts';
import { contactSchema, FILTER_DOC, filterSchema, listOf } from './schemas.ts';

const contactFields = {
  phone: { type: 'string', minLength: 1, maxLength: 64, description: 'Any common format; national numbers are read in the organization\'s country' },
  name: { type: ['string', 'null'], maxLength: 1000 },
  language: { type: ['string', 'null'], maxLength: 64, description: 'BCP-47 ("en", "pt-BR"; "pt_BR" is accepted)' },
  time_zone: { type: ['string', 'null'], maxLength: 64, description: 'IANA time zone ("Asia/Kolkata")' },
  attributes: { type: 'object', additionalProperties: true, maxProperties: 100, description: 'Values for the organization\'s attribute definitions; null removes a value' },
  tags: {
    type: 'array', maxItems: 200, items: { type: 'string', maxLength: 1000 },
    description: `Replaces the contact's tags. Stored trimmed, lower case, inner spaces collapsed, duplicates dropped; each 1–${TAG_MAX_LENGTH} characters, at most ${TAGS_PER_CONTACT}.`,
  },
} as const;

const attributeSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' }, label: { type: 'string' }, type: { type: 'string', enum: ATTRIBUTE_TYPES },
    options: { type: ['array', 'null'], items: { type: 'string' } }, created_at: { type: 'string', format: 'date-time' },
  },
} as const;

const tagList = { type: 'array', maxItems: TAGS_PER_CONTACT, items: { type: 'string', maxLength: 1000 } } as const;
const tags = ['Contacts'];
const notFound = () => new AppError('not_found', { message: 'No such contact.' });
const attributeView = (d: AttributeDefinition) => ({ key: d.key, label: d.label, type: d.type, options: d.options, created_at: d.created_at });

export function contactRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.post<{ Body: ContactInput & { phone: string } }>('/v1/contacts', {
      config: { scope: 'contacts:write', idempotent: true },
      schema: {
        tags, summary: 'Create a contact',
        description: 'A number already held by a contact answers 409 `contact_already_exists` with `details.contact_id`. Consent is recorded separately (POST /v1/contacts/{id}/consents).',
        body: { type: 'object', additionalProperties: false, required: ['phone'], properties: contactFields },
        response: { 201: contactSchema, ...errorResponses(400, 401, 403, 409) },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      const row = await createContact(deps.db, auth, request.body);
      return reply.status(201).send(contactView(row, []));
    });

    app.get<{ Querystring: PageQuery & Record<string, unknown> }>('/v1/contacts', {
      config: { scope: 'contacts:read' },
      schema: {
        tags, summary: 'List contacts, newest first, filtered',
        description: 'Every given filter must hold. `tag` and `consent` repeat (all must match). `attr.<key>=v` tests equality, `attr.<key>.gt|gte|lt|lte|ne=v` compares (numbers and dates). For or/not, use POST /v1/contacts/search.',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            ...pageQuerySchema.properties,
            q: { type: 'string', maxLength: 100, description: 'Name contains (case-insensitive), or the number starts with these digits' },
            tag: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } },
            consent: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^(marketing|utility|authentication):(opted_in|opted_out|none)$' }, description: 'e.g. `marketing:opted_in`' },
            language: { type: 'string', maxLength: 64, description: '"en" matches en, en-US, en-GB…' },
            last_inbound_after: { type: 'string', maxLength: 40 }, last_inbound_before: { type: 'string', maxLength: 40 },
            created_after: { type: 'string', maxLength: 40 }, created_before: { type: 'string', maxLength: 40 },
          },
          patternProperties: { '^attr\\.[a-z][a-z0-9_]{0,63}(\\.(eq|ne|gt|gte|lt|lte))?$': { type: 'string', maxLength: 1000 } },
        },
        response: { 200: listOf(contactSchema), ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const auth = authOf(request);
      const { limit, cursor, ...filters } = request.query;
      const page = readPage({ limit, cursor });
      const checked = await checkQueryFilter(deps.db, auth.orgId, filters);
      const rows = await findContacts(deps.db, auth, checked, page);
      return pageOf(await viewsOf(deps.db, auth.orgId, rows), page.limit, (v) => v);
    });

    app.post<{ Body: PageQuery & { filter?: unknown } }>('/v1/contacts/search', {
      config: { scope: 'contacts:read' },
      schema: {
        tags, summary: 'Search contacts with a filter, newest first', description: FILTER_DOC,
        body: {
          type: 'object', additionalProperties: false,
          properties: { filter: filterSchema, ...pageQuerySchema.properties },
        },
        response: { 200: listOf(contactSchema), ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      const auth = authOf(request);
      const page = readPage(request.body);
      const checked = await checkBodyFilter(deps.db, auth.orgId, request.body.filter ?? { and: [] }, 'body.filter');
      const rows = await findContacts(deps.db, auth, checked, page);
      return pageOf(await viewsOf(deps.db, auth.orgId, rows), page.limit, (v) => v);
    });

    app.post<{ Body: TagChange }>('/v1/contacts/tags', {
      config: { scope: 'contacts:write' },
      schema: {
        tags, summary: 'Add and remove tags on many contacts at once',
        description: `Name the contacts (\`contact_ids\`, up to 1,000) or match them with a \`filter\` (see POST /v1/contacts/search; \`{"and": []}\` is every contact). One statement: all matched contacts change or none (422 \`tag_limit_exceeded\` when one would pass ${TAGS_PER_CONTACT} tags).`,
        body: {
          type: 'object', additionalProperties: false,
          properties: {
            contact_ids: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', maxLength: 64 } },
            filter: filterSchema, add: tagList, remove: tagList,
          },
        },
        response: {
          200: { type: 'object', properties: { matched: { type: 'integer' }, changed: { type: 'integer', description: 'Contacts whose tags changed' } } },
          ...errorResponses(400, 401, 403, 422),
        },
      },
    }, async (request) => tagContacts(deps.db, authOf(request), request.body));

    app.get<{ Params: { id: string } }>('/v1/contacts/:id', {
      config: { scope: 'contacts:read' },
      schema: { tags, summary: 'Get a contact with its current consent', params: idParams, response: { 200: contactSchema, ...errorResponses(401, 403, 404) } },
    }, async (request) => {
      const orgId = orgOf(request);
      const row = await findContact(deps.db, orgId, request.params.id);
      if (!row) throw notFound();
      return contactView(row, (await consentStatesOf(deps.db, orgId, [row.id])).get(row.id) ?? []);
    });

    app.patch<{ Params: { id: string }; Body: ContactInput }>('/v1/contacts/:id', {
      config: { scope: 'contacts:write' },
      schema: {
        tags, summary: 'Change a contact',
        description: '`attributes` merges (null removes a value); `tags` replaces the list. A new `phone` is refused (422 `phone_change_not_allowed`) once the contact has consent records or has written: create a new contact for the new number.',
        params: idParams,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: contactFields },
        response: { 200: contactSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    }, async (request) => {
      const auth = authOf(request);
      const row = await updateContact(deps.db, auth, request.params.id, request.body);
      return contactView(row, (await consentStatesOf(deps.db, auth.orgId, [row.id])).get(row.id) ?? []);
    });

    app.get('/v1/contact-attributes', {
      config: { scope: 'contacts:read' },
      schema: {
        tags, summary: 'The custom attributes defined for contacts',
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: attributeSchema } } }, ...errorResponses(401, 403) },
      },
    }, async (request) => ({ data: (await listDefinitions(deps.db, orgOf(request))).map(attributeView) }));

    app.post<{ Body: NewDefinition }>('/v1/contact-attributes', {
      config: { scope: 'contacts:write', idempotent: true },
      schema: {
        tags, summary: 'Define a custom contact attribute',
        description: 'Values: text (string, up to 1,000 characters), number (JSON number), date ("YYYY-MM-DD"), boolean, enum (one of `options`). The type cannot change later.',
        body: {
          type: 'object', additionalProperties: false, required: ['key', 'type'],
          properties: {
            key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
            label: { type: 'string', maxLength: 100 },
            type: { type: 'string', enum: ATTRIBUTE_TYPES },
            options: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', maxLength: 100 } },
          },
        },
        response: { 201: attributeSchema, ...errorResponses(400, 401, 403, 409) },
      },
    }, async (request, reply) => reply.status(201).send(attributeView(await createDefinition(deps.db, orgOf(request), request.body))));

    app.delete<{ Params: { key: string } }>('/v1/contact-attributes/:key', {
      config: { scope: 'contacts:write' },
      schema: {
        tags, summary: 'Delete an attribute definition and every contact\'s value for it',
        description: 'Refused (409 `attribute_in_use`, naming them) while a segment filters on the attribute.',
        params: { type: 'object', required: ['key'], properties: { key: { type: 'string', maxLength: 64 } } },
        response: {
          200: { type: 'object', properties: { key: { type: 'string' }, contacts_cleared: { type: 'integer' } } },
          ...errorResponses(401, 403, 404, 409),
        },
      },
    }, async (request) => {
      const { contactsCleared } = await deleteDefinition(deps.db, orgOf(request), request.params.key);
      return { key: request.params.key, contacts_cleared: contactsCleared };
    });

    await app.register(segmentRoutes(deps));
  };
}
