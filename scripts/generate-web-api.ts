// Regenerates the dashboard's API types (web/src/api/schema.d.ts) from the platform's OpenAPI document.
// Run after changing any route's schema: `npm run web:api`. test/web/openapi-current.test.ts fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateWebApiTypes } from '../src/http/web-api-types.ts';

const target = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));
await writeFile(target, await generateWebApiTypes());
console.log(`wrote ${target}`);
