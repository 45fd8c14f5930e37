import { parseArgs } from 'node:util';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { createOperatorKey, revokeOperatorKey } from './operator-keys.ts';

/**
 * `xpecto operator keys create --email E [--name N]` (printed once) and `xpecto operator keys revoke --id ID`;
 * 2 for any other subcommand (the caller prints the usage).
 */
export async function operatorKeysCommand(db: Db, sub: string, argv: string[]): Promise<number> {
  if (sub !== 'create' && sub !== 'revoke') return 2;
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } } });
  if (sub === 'create') {
    if (!values.email) throw new AppError('validation_failed', { message: '--email is required (an operator account)' });
    const key = await createOperatorKey(db, { email: values.email, name: values.name ?? 'CLI operator key', actor: 'cli' });
    console.log(`${key.id}\t${key.userId}\t${key.hint}`);
    console.log(`Operator API key: ${key.secret}`);
    console.log('Store it now: it is not shown again.');
    return 0;
  }
  if (!values.id) throw new AppError('validation_failed', { message: '--id is required' });
  const key = await revokeOperatorKey(db, values.id, 'cli');
  console.log(`${key.id} revoked`);
  return 0;
}
