import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './openapi-document.ts';

const HEADER = '// Generated from the platform\'s OpenAPI document by `npm run web:api` (scripts/generate-web-api.ts). Do not edit.\n';

/** The TypeScript types of every route's request and response, as the dashboard's client uses them. */
export async function generateWebApiTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
