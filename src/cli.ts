import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { connectDb } from './db/connect.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { OPERATOR_CHAIN } from './audit/record-audit.ts';
import { auditHead, verifyAuditChain } from './audit/verify-audit.ts';
import { verifyLedger } from './contacts/consent-ledger.ts';
import { setKeyAllowList } from './credentials/set-key-allow-list.ts';
import { enforcementCommand } from './enforcement/cli-commands.ts';
import { operatorKeysCommand } from './operators/cli-commands.ts';
import { publishPolicy } from './policy/publish-policy.ts';
import { listPolicyVersions } from './policy/store.ts';
import { reportsListCommand, reportsOutcomeCommand } from './reports/report-commands.ts';
import { AppError } from './lib/app-error.ts';
import { randomToken } from './lib/secrets.ts';
import { createApiKey, revokeApiKey } from './tenancy/api-keys.ts';
import { createOrganization, createUser } from './tenancy/create-organization.ts';
import { findOrganization, findOrganizationBySlugUnscoped, findUserByEmailUnscoped, listApiKeys } from './tenancy/store.ts';

/** The administrative commands. Each opens the database, migrates it, does one thing and prints the result. */
export async function runCli(config: Config, _log: Logger, command: string, argv: string[], usage: string): Promise<number> {
  const [sub, ...rest] = argv;
  const db = await connectDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') });
  try {
    await migrate(db);
    const key = `${command} ${sub ?? ''}`.trim();
    switch (key) {
      case 'migrate':
        console.log('migrations applied');
        return 0;
      case 'org create': {
        const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, slug: { type: 'string' }, country: { type: 'string' } } });
        if (!values.name) return fail('--name is required');
        const org = await createOrganization(db, { name: values.name, acceptedBy: 'cli', ...(values.slug ? { slug: values.slug } : {}), ...(values.country ? { defaultCountry: values.country } : {}) });
        console.log(`${org.id}\t${org.slug}\t${org.name}`);
        return 0;
      }
      case 'keys create': {
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' }, name: { type: 'string' }, mode: { type: 'string' }, scopes: { type: 'string' } } });
        const orgId = await resolveOrg(db, values.org);
        const mode = values.mode ?? 'test';
        if (mode !== 'test' && mode !== 'live') return fail('--mode is test or live');
        const { key, secret } = await createApiKey(db, orgId, {
          name: values.name ?? 'CLI key', mode, by: { actor: 'cli' }, ...(values.scopes ? { scopes: values.scopes.split(',').map((s) => s.trim()) } : {}),
        });
        console.log(`${key.id}\t${key.scopes.join(',')}`);
        console.log(`API key: ${secret}`);
        console.log('Store it now: it is not shown again.');
        return 0;
      }
      case 'keys list': {
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' } } });
        for (const k of await listApiKeys(db, await resolveOrg(db, values.org))) {
          console.log([k.id, k.hint, k.name, k.scopes.join(','), k.revoked_at ? 'revoked' : 'active', k.last_used_at?.toISOString() ?? 'never used'].join('\t'));
        }
        return 0;
      }
      case 'keys revoke': {
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' }, id: { type: 'string' } } });
        if (!values.id) return fail('--id is required');
        const k = await revokeApiKey(db, await resolveOrg(db, values.org), values.id, { actor: 'cli' });
        console.log(`${k.id} revoked at ${k.revoked_at?.toISOString()}`);
        return 0;
      }
      case 'keys allow-ips': {
        // A key's IP allow-list (decision 0021): comma-separated CIDRs; --cidrs '' (or --any) lets any source in again.
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' }, id: { type: 'string' }, cidrs: { type: 'string' }, any: { type: 'boolean' } } });
        if (!values.id || (values.cidrs === undefined && !values.any)) return fail('--id and --cidrs (or --any) are required');
        const cidrs = values.any ? null : values.cidrs!.split(',').map((c) => c.trim()).filter(Boolean);
        const k = await setKeyAllowList(db, await resolveOrg(db, values.org), values.id, cidrs, { actor: 'cli' });
        console.log(`${k.id}\tallowed from ${k.allowed_cidrs?.join(',') ?? 'any source'}`);
        return 0;
      }
      case 'admin create': {
        const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } } });
        if (!values.email) return fail('--email is required');
        const password = values.password ?? randomToken(16);
        const user = await createUser(db, { email: values.email, password, isOperator: true, by: { actor: 'cli' } });
        console.log(`${user.id}\t${user.email}\toperator`);
        if (!values.password) console.log(`Password: ${password}`);
        return 0;
      }
      case 'policy publish': {
        // An operator's act: the new version of the Acceptable Use Policy, and its notice to every organization.
        const { values } = parseArgs({ args: rest, options: { file: { type: 'string' }, 'effective-at': { type: 'string' }, summary: { type: 'string' }, by: { type: 'string' } } });
        if (!values.file || !values['effective-at'] || !values.summary || !values.by) return fail('--file, --effective-at, --summary and --by (the operator\'s email) are required');
        const operator = await findUserByEmailUnscoped(db, values.by);
        if (!operator?.is_operator) return fail(`"${values.by}" is not a platform operator (xpecto admin create)`);
        let document: unknown;
        try {
          document = JSON.parse(await readFile(values.file, 'utf8'));
        } catch (error) {
          return fail(`cannot read ${values.file} as JSON: ${(error as Error).message}`);
        }
        const published = await publishPolicy({ db, now: new Date(), publicUrl: config.publicUrl, minNoticeMs: config.policyMinNoticeMs }, {
          document, summary: values.summary, effectiveAt: new Date(values['effective-at']), publishedBy: `user:${operator.id}`,
        });
        console.log(`version ${published.version} published, effective ${published.effective_at.toISOString()}`);
        return 0;
      }
      case 'policy list': {
        for (const v of await listPolicyVersions(db)) {
          console.log([v.version, v.effective_at.toISOString(), v.published_by, v.summary].join('\t'));
        }
        return 0;
      }
      case 'consent verify': {
        // Exit status 3 when the chain does not hold, so a cron job or an auditor's script can tell.
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' } } });
        const result = await verifyLedger(db, await resolveOrg(db, values.org));
        console.log(JSON.stringify(result, null, 2));
        if (!result.ok) console.error(`consent ledger broken at record ${result.broken!.seq}: ${result.broken!.reason}`);
        return result.ok ? 0 : 3;
      }
      case 'audit verify': {
        // Exit status 3 when the chain does not hold. --seq and --hash: a head kept earlier (xpecto audit head).
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' }, operator: { type: 'boolean' }, seq: { type: 'string' }, hash: { type: 'string' } } });
        if (!values.seq !== !values.hash) return fail('--seq and --hash go together');
        const chain = values.operator ? OPERATOR_CHAIN : await resolveOrg(db, values.org);
        const result = await verifyAuditChain(db, chain, values.seq && values.hash ? { seq: values.seq, hash: values.hash } : undefined);
        console.log(JSON.stringify(result, null, 2));
        if (!result.ok) console.error(`audit log broken at entry ${result.broken!.seq}: ${result.broken!.reason}`);
        return result.ok ? 0 : 3;
      }
      case 'audit head': {
        // The chain's latest seq and hash, to keep outside the database (and pass back to audit verify).
        const { values } = parseArgs({ args: rest, options: { org: { type: 'string' }, operator: { type: 'boolean' } } });
        const head = await auditHead(db, values.operator ? OPERATOR_CHAIN : await resolveOrg(db, values.org));
        console.log([head.chain, head.seq, head.hash].join('\t'));
        return 0;
      }
      case 'reports list':
        return await reportsListCommand(db, rest);
      case 'reports outcome':
        return await reportsOutcomeCommand(db, config, rest);
      case 'operator keys': {
        const [action, ...args] = rest;
        return unknownUnless(await operatorKeysCommand(db, action ?? '', args), usage, 'operator keys');
      }
      case 'enforcement set':
      case 'enforcement appeals':
      case 'enforcement decide-appeal':
        return unknownUnless(await enforcementCommand(db, sub!, rest), usage, 'enforcement');
      default:
        console.error(usageOf(usage, command));
        return 2;
    }
  } catch (error) {
    if (error instanceof AppError) return fail(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

async function resolveOrg(db: Db, ref: string | undefined): Promise<string> {
  if (!ref) throw new AppError('validation_failed', { message: '--org is required (slug or id)' });
  const org = ref.startsWith('org_') ? await findOrganization(db, ref) : await findOrganizationBySlugUnscoped(db, ref);
  if (!org) throw new AppError('not_found', { message: `No organization "${ref}".` });
  return org.id;
}

/** The usage lines of a command group (`keys`, `operator keys`), or all of them when it has none. */
export function usageOf(usage: string, group: string): string {
  const [head, ...lines] = usage.split('\n');
  const mine = lines.filter((line) => line.trimStart().startsWith(`${group} `));
  return mine.length > 0 ? [head, ...mine].join('\n') : usage;
}

/** A group's command answers 2 for a subcommand it does not know: the group's usage says what it does know. */
function unknownUnless(code: number, usage: string, group: string): number {
  if (code === 2) console.error(usageOf(usage, group));
  return code;
}

function fail(message: string): number {
  console.error(`error: ${message}`);
  return 1;
}
