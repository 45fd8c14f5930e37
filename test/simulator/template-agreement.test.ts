// Issue 6 "Bad input": what the platform's validator accepts, the simulator's template creation accepts, and what
// it refuses, the simulator refuses — over HTTP, for generated valid templates and for single-rule mutations of them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTemplate } from '../../src/templates/validate-template.ts';
import { build, spec, type T } from '../helpers/template-arbitraries.ts';
import { call, startHarness, type Harness } from './harness.ts';

let h: Harness;
let n = 0;

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => h?.close());

async function create(template: T) {
  // A fresh name each time: the simulator refuses a second template of the same name and language.
  const body = { ...template, name: typeof template.name === 'string' ? `${template.name.slice(0, 30)}_${n++}`.replace(/^_/, 'a_') : template.name };
  const r = await call(h.simUrl, 'POST', `/v26.0/${h.wabaId}/message_templates`, body, { authorization: `Bearer ${h.token}` });
  return { status: r.status, definition: body };
}

const breakOne = fc.constantFrom<(t: T) => void>(
  (t) => { t.category = 'PROMOTIONAL'; },
  (t) => { t.components = t.components.filter((c: T) => c.type !== 'BODY'); },
  (t) => { t.components.find((c: T) => c.type === 'BODY').text = '{{1}} starts the text, which Meta refuses.'; },
  (t) => { t.components.push({ type: 'FOOTER', text: 'x'.repeat(61) }); },
  (t) => { t.language = 'en-US'; },
  (t) => { t.components.unshift({ type: 'HEADER', format: 'TEXT', text: 'Two {{1}} variables {{2}}' }); },
);

describe('validator and simulator agree', () => {
  it('the simulator creates every template the validator accepts', async () => {
    await fc.assert(fc.asyncProperty(spec, async (s) => {
      const template = build(s);
      const { status, definition } = await create(template);
      expect(validateTemplate(definition)).toEqual([]);
      expect(status).toBe(200);
    }), { numRuns: 60 });
  });

  it('the simulator refuses every template the validator refuses', async () => {
    await fc.assert(fc.asyncProperty(spec, breakOne, async (s, mutate) => {
      const template = build(s);
      mutate(template);
      const { status, definition } = await create(template);
      const violations = validateTemplate(definition);
      expect(violations.length).toBeGreaterThan(0);
      expect(status).toBe(400);
    }), { numRuns: 60 });
  });
});
