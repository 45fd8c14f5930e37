import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { PGlite, types as liteTypes, type Transaction } from '@electric-sql/pglite';
import type { Db, Row } from './db.ts';
import type { Sql } from './sql.ts';

export type DbTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

export async function connectDb(target: DbTarget): Promise<Db & { pglite?: PGlite; pool?: pg.Pool }> {
  if ('databaseUrl' in target) return connectPostgres(target.databaseUrl);
  if ('dataDir' in target) await mkdir(target.dataDir, { recursive: true });
  const lite = await PGlite.create('dataDir' in target ? target.dataDir : undefined, {
    // int8 as a JS number on both adapters (counts, sizes); ids are text, so no precision is at stake.
    parsers: { [liteTypes.INT8]: (v: string) => Number(v) },
  });
  return pgliteDb(lite);
}

function pgliteDb(lite: PGlite): Db & { pglite: PGlite } {
  // PGlite is one session. A statement issued outside an open transaction waits for it, and a failed
  // statement inside one poisons it until ROLLBACK, which lite.transaction() issues on throw.
  // `committed`: what the outermost transaction runs once it has committed (null outside a transaction).
  const bound = (runner: PGlite | Transaction, committed: (() => void)[] | null): Db => ({
    kind: 'pglite',
    async query<T extends Row>(statement: Sql) {
      const result = await runner.query<T>(statement.text, statement.values);
      return result.rows;
    },
    async queryRaw<T extends Row>(text: string, values: unknown[] = []) {
      const result = await runner.query<T>(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(text: string) {
      await runner.exec(text);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (committed) return fn(bound(runner, committed));
      const pending: (() => void)[] = [];
      const result = await (lite.transaction((tx) => fn(bound(tx, pending))) as Promise<T>);
      for (const run of pending) run();
      return result;
    },
    afterCommit(fn: () => void) {
      if (committed) committed.push(fn);
      else fn();
    },
    async close() {
      if (!committed) await lite.close();
    },
  });
  return Object.assign(bound(lite, null), { pglite: lite });
}

// Named statements are parsed and planned once per connection instead of on every call: planning a join
// costs PostgreSQL more than running it. The names are stable hashes of the SQL text, which our code fixes.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = 'xp_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    if (statementNames.size > 5000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

function connectPostgres(databaseUrl: string): Db & { pool: pg.Pool } {
  const parseInt8 = (v: string) => Number(v);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  const bound = (runner: pg.Pool | pg.PoolClient, committed: (() => void)[] | null): Db => ({
    kind: 'postgres',
    async query<T extends Row>(statement: Sql) {
      const result = await runner.query<T>({ name: statementName(statement.text), text: statement.text, values: statement.values });
      return result.rows;
    },
    async queryRaw<T extends Row>(text: string, values: unknown[] = []) {
      const result = await runner.query<T>(text, values);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string) {
      await runner.query(text);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (committed) return fn(bound(runner, committed));
      const client = await pool.connect();
      const pending: (() => void)[] = [];
      // A checked-out client whose server goes away emits 'error' besides failing its query; unheard, that
      // event would end the process. The failed query already reports the problem to the caller.
      const ignoreLostConnection = () => {};
      client.on('error', ignoreLostConnection);
      let broken: Error | undefined;
      let result: T;
      try {
        await client.query('BEGIN');
        result = await fn(bound(client, pending));
        await client.query('COMMIT');
      } catch (error) {
        // If even ROLLBACK fails the connection is gone: the pool must discard it, not hand it out again.
        await client.query('ROLLBACK').catch((rollbackError: Error) => { broken = rollbackError; });
        throw error;
      } finally {
        client.off('error', ignoreLostConnection);
        client.release(broken);
      }
      for (const run of pending) run();
      return result;
    },
    afterCommit(fn: () => void) {
      if (committed) committed.push(fn);
      else fn();
    },
    async close() {
      if (!committed) await pool.end();
    },
  });
  return Object.assign(bound(pool, null), { pool });
}
