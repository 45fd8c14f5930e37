import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateWebApiTypes } from '../../src/http/web-api-types.ts';

// The dashboard's client is typed by web/src/api/schema.d.ts, generated from the platform's OpenAPI document
// (decision 0027). A route changed without `npm run web:api` would leave the dashboard typed against the past.

describe('the dashboard client types', () => {
  it('are generated from the OpenAPI document the platform serves now', async () => {
    const committed = await readFile(new URL('../../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    const current = await generateWebApiTypes();
    expect(committed === current, 'web/src/api/schema.d.ts is stale: run `npm run web:api` and commit it').toBe(true);
  });
});
