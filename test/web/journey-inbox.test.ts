import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { helloWorld } from '../helpers/dispatch-helpers.ts';
import { PNG } from '../helpers/media-files.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { dashboardUser, DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, openView, PHONE, screenshot, signIn } from './browser.ts';

// Issue 9's first journey: an owner signs in, opens the inbox, sends `hello_world` to an opted-in contact and
// watches its ticks turn blue; then the Overview, Inbox and Messages views with real data, at both widths.

let t: TestPlatform;
let browser: Browser;
let tenant: Tenant;
let owner: { email: string; password: string };
const db = () => t.platform.deps.db;
// Waits for what the page shows (statuses arrive through the simulator's webhooks), never for a duration.
const POLL = { timeout: 20_000 };

const GREETED = '+12025550100';
const WRITER = '+12025550104';
const UNREACHABLE = '+12025550105';
const OPTED_OUT = '+12025550150';
const PICKUP = '+12025550103';

async function sendAndSettle(body: object, status: string): Promise<string> {
  const sent = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body });
  expect(sent.status, sent.text).toBe(202);
  await t.waitFor(`${sent.body.id} ${status}`, async () => (await t.api('GET', `/v1/messages/${sent.body.id}`, { key: tenant.apiKey })).body.status === status);
  return sent.body.id;
}

async function contactOf(phone: string): Promise<{ id: string; name: string }> {
  const [row] = await db().query<{ id: string; name: string }>(sql`SELECT id, name FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = ${phone}`);
  return row!;
}
const contactId = async (phone: string) => (await contactOf(phone)).id;

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Inbox Bakery');
  owner = await dashboardUser(t, tenant.orgId, 'owner');
  // Real traffic for the views: templates that are read, one that fails (the simulator's unreachable
  // customer: 131026), a customer who wrote (an open window), and a contact who opted out.
  await sendAndSettle(helloWorld('+12025550101'), 'read');
  await sendAndSettle(helloWorld('+12025550102'), 'read');
  await t.sim('POST', `/_sim/customers/${UNREACHABLE.slice(1)}/state`, { unreachable: true });
  await sendAndSettle(helloWorld(UNREACHABLE), 'failed');
  await t.sim('POST', `/_sim/customers/${WRITER.slice(1)}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'Hi! Do you have sourdough today?' } });
  await t.waitFor('the customer\'s message', async () => (await db().query(sql`
    SELECT 1 FROM messages WHERE org_id = ${tenant.orgId} AND direction = 'inbound'`)).length > 0);
  const optOut = await t.api('POST', '/v1/consents', {
    key: tenant.apiKey,
    body: { records: [{ phone: OPTED_OUT, purpose: 'all', state: 'opted_out', source: 'keyword', proof: { text: 'STOP' } }] },
  });
  expect(optOut.status, optOut.text).toBe(201);
  // A template with variables, approved by the simulator's review, for the picker's inputs and preview.
  const draft = await t.api('POST', '/v1/templates', {
    key: tenant.apiKey,
    body: { name: 'order_ready', language: 'en_US', category: 'UTILITY', components: [{
      type: 'BODY', text: 'Hi {{1}}, your order {{2}} is ready for pickup at the bakery.', example: { body_text: [['Ana', 'A-1042']] },
    }] },
  });
  expect(draft.status, draft.text).toBe(201);
  expect((await t.api('POST', `/v1/templates/${draft.body.id}/submit`, { key: tenant.apiKey })).status).toBe(200);
  await t.waitFor('order_ready approved', async () => (await t.api('GET', `/v1/templates/${draft.body.id}`, { key: tenant.apiKey })).body.status === 'APPROVED');
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('Inbox journey (issue 9)', () => {
  it('sends hello_world from the inbox to an opted-in contact and sees it reach read, in blue', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openView(page, 'Inbox', 'Inbox');

    await page.getByRole('searchbox', { name: 'New conversation' }).fill(GREETED);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { level: 2, name: GREETED }).waitFor();
    // The customer never wrote: the window is closed and a template is the way in.
    await expect.poll(() => page.getByTestId('window').textContent(), POLL).toContain('Window closed');
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'hello_world · en_US · utility' });
    await expect.poll(() => page.getByLabel('Preview').textContent(), POLL).toContain('Thanks for choosing our service');
    await page.getByRole('button', { name: 'Send hello_world' }).click();

    const bubble = page.getByTestId('bubble').filter({ hasText: 'Thanks for choosing our service' }).last();
    const ticks = bubble.locator('.ticks');
    await bubble.locator('.ticks[data-status=read]').waitFor({ timeout: 20_000 });
    expect(await ticks.getAttribute('aria-label')).toBe('Read');
    // Blue, as WhatsApp shows read (styles.css --read); `any`: this project's TypeScript has no DOM types.
    expect(await ticks.evaluate((el: any) => (globalThis as any).getComputedStyle(el).color)).toBe('rgb(10, 102, 194)');

    // What the browser showed is what happened: one hello_world to the contact, read.
    const rows = await db().query<{ status: string; type: string }>(sql`
      SELECT status, type FROM messages WHERE org_id = ${tenant.orgId} AND counterpart = ${GREETED} AND direction = 'outbound'`);
    expect(rows).toEqual([{ status: 'read', type: 'template' }]);
    expect(errors).toEqual([]);
    // The conversation as the owner left it: the template read, and the picker for the next one (window closed);
    // the list shows it too, read.
    await page.getByTestId('conversation').filter({ hasText: GREETED }).locator('.ticks[data-status=read]').waitFor();
    await expectAccessible(page, 'Inbox template picker 1280');
    await screenshot(page, 'inbox-template-1280');
    await page.context().close();
  }, 120_000);

  it('fills a template\'s variables with a live preview and sends what the preview showed', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    await page.goto(`${t.url}/inbox/${await contactId(PICKUP)}`);
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'order_ready · en_US · utility' });
    await page.getByLabel('Body {{1}}').fill('Ana');
    await expect.poll(() => page.getByLabel('Preview').textContent(), POLL).toContain('Hi Ana, your order {{2}} is ready');
    await page.getByLabel('Body {{2}}').fill('A-1042');
    const preview = 'Hi Ana, your order A-1042 is ready for pickup at the bakery.';
    await expect.poll(() => page.getByLabel('Preview').textContent(), POLL).toContain(preview);
    await page.getByRole('button', { name: 'Send order_ready' }).click();
    await page.getByTestId('bubble').filter({ hasText: preview }).locator('.ticks[data-status=read]').waitFor({ timeout: 20_000 });
    const [sent] = await db().query<{ rendered_text: string }>(sql`
      SELECT rendered_text FROM messages WHERE org_id = ${tenant.orgId} AND counterpart = ${PICKUP}`);
    expect(sent!.rendered_text).toBe(preview);
    await page.context().close();
  }, 60_000);

  it('replies inside the window with text and a photo, with the countdown running', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    await page.goto(`${t.url}/inbox/${await contactId(WRITER)}`);
    await expect.poll(() => page.getByTestId('window').textContent(), POLL).toMatch(/Window open.*2[0-3]:\d\d:\d\d/);
    const first = await page.locator('[role=timer]').textContent();
    await expect.poll(() => page.locator('[role=timer]').textContent(), POLL).not.toBe(first);

    await page.getByRole('textbox', { name: 'Message' }).fill('Yes, fresh out of the oven until 2 pm.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('bubble').filter({ hasText: 'fresh out of the oven' }).locator('.ticks[data-status=read]').waitFor({ timeout: 20_000 });

    await page.locator('input[type=file]').setInputFiles({ name: 'loaf.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Caption').fill('Today\'s loaf');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('bubble').filter({ hasText: 'Photo' }).filter({ hasText: 'Today\'s loaf' }).locator('.ticks[data-status=read]').waitFor({ timeout: 20_000 });
    // The file went through POST /v1/media: stored as an upload, and the message carries it to WhatsApp.
    const [upload] = await db().query<{ filename: string }>(sql`
      SELECT filename FROM media WHERE org_id = ${tenant.orgId} AND source = 'upload'`);
    expect(upload!.filename).toBe('loaf.png');
    const [photo] = await db().query<{ content: { image: { id: string; caption: string } } }>(sql`
      SELECT content FROM messages WHERE org_id = ${tenant.orgId} AND counterpart = ${WRITER} AND type = 'image'`);
    expect(photo!.content.image).toMatchObject({ id: expect.any(String), caption: 'Today\'s loaf' });
    await page.context().close();
  }, 120_000);

  it('shows a refusal with the API\'s message and its policy clause, and a failure in plain words', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    await page.goto(`${t.url}/inbox/${await contactId(OPTED_OUT)}`);
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'hello_world · en_US · utility' });
    await page.getByRole('button', { name: 'Send hello_world' }).click();
    const refusal = page.getByTestId('refusal');
    await expect.poll(() => refusal.textContent(), POLL).toContain('opted out');
    expect(await refusal.getByRole('link').textContent()).toBe('Acceptable Use Policy, clause 3.1');
    expect(await db().query(sql`SELECT 1 FROM messages WHERE org_id = ${tenant.orgId} AND counterpart = ${OPTED_OUT}`)).toEqual([]);

    await page.goto(`${t.url}/inbox/${await contactId(UNREACHABLE)}`);
    await expect.poll(() => page.getByTestId('failure').textContent(), POLL).toMatch(/^Not delivered: .{20,}/);
    await page.context().close();
  }, 60_000);

  it('filters the message log by status and shows a message\'s status history and policy decision', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    await openView(page, 'Messages', 'Messages');
    await page.getByTestId('message-row').first().waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Failed' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url(), POLL).toContain('status=failed');
    await expect.poll(async () => page.getByTestId('message-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))), POLL)
      .toEqual(['failed']);
    expect(await page.getByTestId('message-row').textContent()).toContain(UNREACHABLE);

    await page.getByLabel('Status').selectOption({ label: 'Read' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => {
      const statuses = await page.getByTestId('message-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      return statuses.length >= 3 && statuses.every((s) => s === 'read') ? 'only read' : statuses.join();
    }, POLL).toBe('only read');

    // A day range after today holds nothing, and says how to get back.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From day').fill(tomorrow);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No message matches these filters.').waitFor();
    await page.getByRole('link', { name: 'Clear the filters' }).click();
    await page.getByTestId('message-row').nth(4).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Read' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url(), POLL).toContain('status=read');

    await page.getByTestId('message-row').first().getByRole('link').click();
    const history = page.getByTestId('status-history');
    await expect.poll(async () => (await history.locator('strong').allTextContents()), POLL).toEqual(expect.arrayContaining(['accepted', 'sent', 'delivered', 'read']));
    await expect.poll(() => page.getByTestId('policy-decision').textContent(), POLL).toContain('Allowed');
    await page.context().close();
  }, 60_000);

  it('passes axe and fits the screen on Overview, Inbox and Messages at 1280 and 390 px, with real data', async () => {
    for (const [width, viewport] of [['1280', DESKTOP], ['390', PHONE]] as const) {
      const page = await signIn(browser, t.url, owner, viewport);
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await expect.poll(() => page.getByTestId('today-read').textContent(), POLL).toMatch(/^[1-9]/);
      await page.getByTestId('phone-number').first().waitFor();
      await page.getByTestId('standing-summary').waitFor();
      await page.locator('.day-chart-svg').waitFor();
      await expectAccessible(page, `Overview ${width}`);
      await expectNoHorizontalScroll(page, `Overview ${width}`);
      await screenshot(page, `overview-${width}`);

      await page.goto(`${t.url}/inbox`);
      await page.getByTestId('conversation').nth(3).waitFor();
      await expectAccessible(page, `Inbox ${width}`);
      await expectNoHorizontalScroll(page, `Inbox ${width}`);
      if (width === '390') await screenshot(page, `inbox-list-${width}`);
      await page.getByTestId('conversation').filter({ hasText: (await contactOf(WRITER)).name }).click();
      await page.getByTestId('bubble').filter({ hasText: 'Today\'s loaf' }).waitFor();
      await expectAccessible(page, `Inbox conversation ${width}`);
      await expectNoHorizontalScroll(page, `Inbox conversation ${width}`);
      await screenshot(page, `inbox-${width}`);

      await page.goto(`${t.url}/messages`);
      await page.getByTestId('message-row').nth(4).waitFor();
      await expectAccessible(page, `Messages ${width}`);
      await expectNoHorizontalScroll(page, `Messages ${width}`);
      await screenshot(page, `messages-${width}`);

      await page.getByTestId('message-row').filter({ hasText: UNREACHABLE }).getByRole('link').click();
      await page.getByTestId('status-history').waitFor();
      await page.getByTestId('failure').waitFor();
      await expectAccessible(page, `Message detail ${width}`);
      await expectNoHorizontalScroll(page, `Message detail ${width}`);
      await screenshot(page, `message-detail-${width}`);
      await page.context().close();
    }
  }, 180_000);
});
