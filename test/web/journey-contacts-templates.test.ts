import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';
import { checkView, dashboardUser, DESKTOP, expectAccessible, expectNoHorizontalScroll, launchBrowser, openView, PHONE, screenshot, signIn } from './browser.ts';

// Issue 9's template and contact journeys: an owner builds a template with a variable, sees the example in the
// preview and the validator's message under the field it concerns, fixes it, saves, submits and sees it approved;
// imports 1,000 contacts from a CSV through the browser's file input and follows the progress bar to the end,
// with the rejected rows' report; opens a contact and reads the consent ledger's proof.

let t: TestPlatform;
let browser: Browser;
let tenant: Tenant;
let owner: { email: string; password: string };
let business: string;
const db = () => t.platform.deps.db;

// Indian mobile numbers: a valid range the simulator's customers (+1 202 555 01xx) never use.
const phoneOf = (i: number) => `+91 98765 ${String(i).padStart(5, '0')}`;
const BAD_ROWS = new Map<number, string>([[17, 'not a number'], [250, '12345'], [499, ''], [730, '+1 555'], [998, '++91 98765']]);
const ROWS = 1000;
let consentText: string;

function customersCsv(): Buffer {
  const lines = ['Phone,Name,Tags,Consent'];
  for (let i = 0; i < ROWS; i += 1) {
    const phone = BAD_ROWS.has(i) ? BAD_ROWS.get(i)! : phoneOf(i);
    lines.push(`${phone},Customer ${i + 1},${i % 10 === 0 ? '"spring;vip"' : 'spring'},yes`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

beforeAll(async () => {
  t = await startTestPlatform();
  tenant = await t.createTenant('Petal Florist');
  owner = await dashboardUser(t, tenant.orgId, 'owner');
  [{ name: business }] = await db().query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${tenant.orgId}`) as [{ name: string }];
  consentText = `Yes, ${business} may send me offers and order news on WhatsApp.`;
  // Attributes for the contact page; a template that Meta's review rejects, so the library shows a reason.
  const city = await t.api('POST', '/v1/contact-attributes', { key: tenant.apiKey, body: { key: 'city', label: 'City', type: 'text' } });
  expect(city.status, city.text).toBe(201);
  const rejected = await t.api('POST', '/v1/templates', {
    key: tenant.apiKey,
    body: { name: 'weekend_notice', language: 'en_US', category: 'UTILITY', submit: true,
      components: [{ type: 'BODY', text: 'Your order is ready. There is a big sale this weekend on every bouquet in our shop.' }] },
  });
  expect(rejected.status, rejected.text).toBe(201);
  await t.waitFor('the review of weekend_notice', async () => (await db().query(sql`
    SELECT 1 FROM templates WHERE org_id = ${tenant.orgId} AND name = 'weekend_notice' AND status = 'REJECTED'`)).length > 0);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('Templates journey (issue 9)', () => {
  it('builds a template with a variable, sees the preview and the validator, saves, submits and sees it approved', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openView(page, 'Templates', 'Templates');
    await page.getByRole('link', { name: 'New template' }).click();
    await page.getByRole('heading', { level: 1, name: 'New template' }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('spring_pickup');
    await page.getByLabel('Header type').selectOption('TEXT');
    await page.getByLabel('Header text').fill('Your spring bouquet');
    const body = page.getByLabel('Body text');
    await body.fill('Hi {{1}}, your spring bouquet is ready for pickup at the shop today.');
    await page.getByLabel('Example for {{1}}').fill('Maria');
    // The preview shows the example where the variable is.
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.textContent()).toContain('Hi Maria, your spring bouquet is ready');

    // A variable at the start: the validator's message appears under the body, and the body is marked invalid.
    await body.fill('{{1}}, your spring bouquet is ready for pickup at the shop today.');
    const bodyError = page.locator('#body-text-error');
    await expect.poll(() => bodyError.textContent()).toContain('may not start with a variable');
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await body.getAttribute('aria-describedby')).toContain('body-text-error');
    // A missing example: its own message, on the examples.
    await body.fill('Hi {{1}}, your spring bouquet is ready for pickup at the shop today.');
    await bodyError.waitFor({ state: 'detached' });
    await page.getByLabel('Example for {{1}}').fill('');
    await expect.poll(() => page.locator('#body-examples-error').textContent()).toContain('non-empty');
    await expect.poll(() => preview.textContent()).toContain('Hi {{1}}, your spring');
    await page.getByLabel('Example for {{1}}').fill('Maria');
    await page.locator('#body-examples-error').waitFor({ state: 'detached' });

    await page.getByLabel('Footer text').fill('Petal Florist, Main Street');
    await page.getByLabel('Type of button to add').selectOption('QUICK_REPLY');
    await page.getByRole('button', { name: 'Add button' }).click();
    await page.locator('#btn-0-text').fill('Hold it for me');
    await page.getByLabel('Type of button to add').selectOption('COPY_CODE');
    await page.getByRole('button', { name: 'Add button' }).click();
    await page.getByLabel('Example offer code').fill('SPRING10');
    await expect.poll(() => page.getByTestId('builder-summary').textContent()).toContain('Meets WhatsApp');
    await expect.poll(() => preview.textContent()).toContain('Hold it for me');
    await checkView(page, 'templates-builder-1280');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'spring_pickup' }).waitFor();
    await expect.poll(() => page.getByTestId('template-status').getAttribute('data-status')).toBe('DRAFT');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    // The simulator's review answers by webhook; the page follows it without a reload.
    await expect.poll(() => page.getByTestId('template-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('APPROVED');
    const [stored] = await db().query<{ status: string; components: unknown }>(sql`
      SELECT status, components FROM templates WHERE org_id = ${tenant.orgId} AND name = 'spring_pickup'`);
    expect(stored?.status).toBe('APPROVED');
    expect(JSON.stringify(stored?.components)).toContain('"body_text":[["Maria"]]');
    await expect.poll(() => preview.textContent()).toContain('Hi Maria, your spring bouquet is ready');
    await checkView(page, 'templates-detail-1280');

    // The library: statuses and a rejection reason; a quality change from Meta appears on its own.
    await openView(page, 'Templates', 'Templates');
    const row = page.getByTestId('template-row').filter({ hasText: 'spring_pickup' });
    await expect.poll(() => row.getByTestId('template-status').getAttribute('data-status')).toBe('APPROVED');
    await expect.poll(() => page.getByTestId('template-row').filter({ hasText: 'weekend_notice' }).textContent()).toContain('Rejected');
    const [{ meta_template_id: metaId }] = await db().query<{ meta_template_id: string }>(sql`
      SELECT meta_template_id FROM templates WHERE org_id = ${tenant.orgId} AND name = 'spring_pickup'`) as [{ meta_template_id: string }];
    await t.sim('POST', `/_sim/templates/${metaId}/quality`, { score: 'YELLOW', pause: false });
    await expect.poll(() => row.getByTestId('template-quality').getAttribute('data-quality'), { timeout: 30_000 }).toBe('YELLOW');
    // Meta pauses it for low quality: the status and why appear, still without a reload.
    await t.sim('POST', `/_sim/templates/${metaId}/pause`);
    await expect.poll(() => row.getByTestId('template-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('PAUSED');
    expect(await row.textContent()).toMatch(/Paused for \d+ hours because of low quality/);
    await checkView(page, 'templates-library-1280');
    expect(errors).toEqual([]);
  }, 180_000);

  it('shows the library and the builder on a phone', async () => {
    const page = await signIn(browser, t.url, owner, PHONE);
    await page.goto(`${t.url}/templates`);
    await page.getByTestId('template-row').first().waitFor();
    await checkView(page, 'templates-library-390');
    await page.getByRole('link', { name: 'New template' }).click();
    await page.getByLabel('Name', { exact: true }).fill('order_ready');
    await page.getByLabel('Category').selectOption('UTILITY');
    await page.getByLabel('Body text').fill('Hello {{1}}, order {{2}} is ready. Reply to this message if you need help.');
    await page.getByLabel('Example for {{1}}').fill('Ana');
    await page.getByLabel('Example for {{2}}').fill('#1042');
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('Hello Ana, order #1042 is ready');
    await checkView(page, 'templates-builder-390');
  }, 120_000);
});

describe('Contacts journey (issue 9)', () => {
  it('imports 1,000 contacts from a CSV through the file input, follows the progress to the end, and gets the rejected rows', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openView(page, 'Contacts', 'Contacts');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();

    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'spring-customers.csv', mimeType: 'text/csv', buffer: customersCsv() });
    // The header was read in the browser and the columns matched by their names.
    await expect.poll(() => page.getByLabel('Phone number (required)').inputValue()).toBe('Phone');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Name');
    expect(await page.getByLabel('Tags', { exact: true }).inputValue()).toBe('Tags');
    await page.getByLabel('Record consent from this file').check();
    expect(await page.getByLabel('Column', { exact: true }).first().inputValue()).toBe('Consent');
    // The words of an opt-in are checked as they are typed, by the platform's own rule.
    await page.getByLabel('Consent text').fill('Yes, send me offers on WhatsApp.');
    await expect.poll(() => page.locator('#consent-text-value-error').textContent()).toContain(`must name the business ("${business}")`);
    await page.getByLabel('Consent text').fill(consentText);
    await page.locator('#consent-text-value-error').waitFor({ state: 'detached' });
    await page.getByLabel('Tag every imported contact').fill('fair-2026');
    await checkView(page, 'contacts-import-1280');

    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact import' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Progress' });
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 90_000 }).toBe('completed');
    expect(await progress.getAttribute('aria-valuetext')).toBe('100 %');
    expect(await page.getByTestId('created').textContent()).toBe('995');
    expect(await page.getByTestId('rejected').textContent()).toBe(String(BAD_ROWS.size));
    await checkView(page, 'contacts-import-progress-1280');

    // The report: one line per rejected row, with why.
    const link = page.getByTestId('rejections-link');
    expect(await link.getAttribute('href')).toMatch(/^\/v1\/contacts\/imports\/[a-z]+_[0-9a-z]+\/rejections\.csv$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const report = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(report[0]).toBe('row,reason,Phone,Name,Tags,Consent');
    expect(report).toHaveLength(BAD_ROWS.size + 1);
    expect(report.map((line) => line.split(',')[0])).toEqual(['row', ...[...BAD_ROWS.keys()].map((i) => String(i + 2))]);

    const [{ n }] = await db().query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 LIKE '+9198765%' AND 'fair-2026' = ANY(tags)`) as [{ n: number }];
    expect(n).toBe(995);
    const [{ consents }] = await db().query<{ consents: number }>(sql`
      SELECT count(*)::int AS consents FROM consent_records r JOIN contacts c ON c.org_id = r.org_id AND c.id = r.contact_id
      WHERE r.org_id = ${tenant.orgId} AND c.phone_e164 LIKE '+9198765%' AND r.state = 'opted_in' AND r.source = 'import'`) as [{ consents: number }];
    expect(consents).toBe(995);
    expect(errors).toEqual([]);

    const phone = await signIn(browser, t.url, owner, PHONE);
    await phone.goto(page.url());
    await phone.getByRole('progressbar', { name: 'Progress' }).waitFor();
    await expect.poll(() => phone.getByTestId('rejected').textContent()).toBe(String(BAD_ROWS.size));
    await checkView(phone, 'contacts-import-progress-390');
    await phone.goto(`${t.url}/contacts/import`);
    await phone.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'spring-customers.csv', mimeType: 'text/csv', buffer: customersCsv() });
    await phone.getByLabel('Record consent from this file').check();
    await phone.getByLabel('Consent text').fill(consentText);
    await phone.getByRole('link', { name: 'spring-customers.csv' }).waitFor();
    await checkView(phone, 'contacts-import-390');
  }, 180_000);

  it('finds a contact by number and by a tag filter, changes its tags, and reads its consent history with the proof', async () => {
    const page = await signIn(browser, t.url, owner, DESKTOP);
    await openView(page, 'Contacts', 'Contacts');
    await page.getByTestId('contact-row').first().waitFor();

    // A tag condition in the filter language: every row shown has the tag.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Condition 1: tag').fill('vip');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => {
      const rows = await page.getByTestId('contact-row').allTextContents();
      return rows.length > 0 && rows.every((r) => r.includes('vip'));
    }).toBe(true);
    expect(new URL(page.url()).searchParams.get('f')).toContain('vip');
    await checkView(page, 'contacts-list-1280');

    // A number's first digits, without the filter.
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Name or phone number').fill('919876500007');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1);
    await page.getByRole('link', { name: 'Customer 8' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customer 8' }).waitFor();
    expect(await page.getByTestId('contact-phone').textContent()).toBe('+919876500007');

    // The ledger's record from the import, with the exact words the customer agreed to.
    const record = page.getByTestId('consent-record').first();
    await expect.poll(() => record.getByTestId('proof-text').textContent()).toBe(consentText);
    expect(await record.textContent()).toContain('spring-customers.csv, row 9');

    // Tags: add one, remove one; the database agrees.
    await page.getByLabel('New tag').fill('Wedding order');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('button', { name: 'Remove tag wedding order' }).waitFor();
    await page.getByRole('button', { name: 'Remove tag spring' }).click();
    await page.getByRole('button', { name: 'Remove tag spring' }).waitFor({ state: 'detached' });
    const [{ tags }] = await db().query<{ tags: string[] }>(sql`
      SELECT tags FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = '+919876500007'`) as [{ tags: string[] }];
    expect([...tags].sort()).toEqual(['fair-2026', 'wedding order']);

    // An attribute the organization defined, set from the page.
    await page.getByRole('button', { name: 'Edit attributes' }).click();
    await page.getByLabel('City').fill('Pune');
    await page.getByRole('button', { name: 'Save attributes' }).click();
    await page.getByRole('button', { name: 'Edit attributes' }).waitFor();
    const [{ attributes }] = await db().query<{ attributes: Record<string, unknown> }>(sql`
      SELECT attributes FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = '+919876500007'`) as [{ attributes: Record<string, unknown> }];
    expect(attributes).toEqual({ city: 'Pune' });
    await checkView(page, 'contacts-contact-1280');

    const phone = await signIn(browser, t.url, owner, PHONE);
    await phone.goto(`${t.url}/contacts`);
    await phone.getByTestId('contact-row').first().waitFor();
    await checkView(phone, 'contacts-list-390');
    await phone.goto(page.url());
    await phone.getByTestId('proof-text').first().waitFor();
    await checkView(phone, 'contacts-contact-390');
  }, 180_000);
});
