import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';
import { addNumber, addTemplate, customer, helloWorld, sendBatch, sendMany, setRate, simSends } from '../helpers/dispatch-helpers.ts';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ simulator: { pairRateLimit: false } });
});
afterAll(async () => t?.close());

const promo = (to: string) => ({ to, type: 'template', template: { name: 'summer_promo', language: { code: 'en_US' } } });

describe('fairness and priority', () => {
  it('a utility message on a number goes before the marketing backlog queued ahead of it', async () => {
    const tenant = await t.createTenant('Priority');
    await addTemplate(t, tenant, 'summer_promo', 'MARKETING', 'Our summer offer is live in every store this week, with free delivery included.');
    await setRate(t, tenant, 8);
    await sendBatch(t, tenant, Array.from({ length: 40 }, (_, i) => promo(customer(i))));
    const [utility] = await sendMany(t, tenant, [helloWorld(customer(60))]);
    await t.waitFor('utility message at the Cloud API', async () =>
      (await simSends(t, tenant)).some((s) => s.body.biz_opaque_callback_data === utility));
    const sends = await simSends(t, tenant);
    const acceptedAt = Date.parse((await t.api('GET', `/v1/messages/${utility}`, { key: tenant.apiKey })).body.created_at);
    const sentAt = Date.parse(sends.find((s) => s.body.biz_opaque_callback_data === utility)!.time);
    const overtaking = sends.filter((s) => Date.parse(s.time) > acceptedAt && Date.parse(s.time) < sentAt);
    // It waits at most for the chunks claimed as it arrived (a quarter second of the rate each), not for the backlog.
    expect(overtaking.length).toBeLessThanOrEqual(5);
    await t.waitFor('the whole backlog sent', async () => (await simSends(t, tenant)).length === 41, 30_000);
    const after = (await simSends(t, tenant)).filter((s) => Date.parse(s.time) > sentAt);
    expect(after.length).toBeGreaterThan(15);
  });

  it('one tenant\'s backlog does not delay another tenant\'s message, nor another number of the same tenant', async () => {
    const busy = await t.createTenant('Busy');
    await setRate(t, busy, 5);
    await sendBatch(t, busy, Array.from({ length: 50 }, (_, i) => helloWorld(customer(i))));
    const quiet = await t.createTenant('Quiet');
    const [otp] = await sendMany(t, quiet, [helloWorld(customer(70))]);
    await t.waitFor('the quiet tenant\'s message read', async () =>
      (await t.api('GET', `/v1/messages/${otp}`, { key: quiet.apiKey })).body.status === 'read');
    const second = await addNumber(t, busy);
    const [other] = await sendMany(t, busy, [{ ...helloWorld(customer(71)), from: second }]);
    await t.waitFor('the busy tenant\'s other number delivers', async () =>
      (await t.api('GET', `/v1/messages/${other}`, { key: busy.apiKey })).body.status === 'read');
    // The busy number is still working through its backlog at 5/s: most of it went out after the others.
    const quietAt = Date.parse((await t.api('GET', `/v1/messages/${otp}`, { key: quiet.apiKey })).body.updated_at);
    await t.waitFor('the busy backlog sent', async () => (await simSends(t, busy)).length === 50, 30_000);
    expect((await simSends(t, busy)).filter((s) => Date.parse(s.time) > quietAt).length).toBeGreaterThan(25);
  });
});
