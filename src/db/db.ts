import type { Sql } from './sql.ts';

export type Row = Record<string, unknown>;

/**
 * The database as a small port: one PostgreSQL dialect behind two adapters (PGlite, pg).
 * `query` runs one statement with bound values; `exec` runs trusted multi-statement DDL;
 * `transaction` gives a Db bound to one transaction (nested calls reuse it).
 */
export type Db = {
  readonly kind: 'pglite' | 'postgres';
  query<T extends Row = Row>(statement: Sql): Promise<T[]>;
  queryRaw<T extends Row = Row>(text: string, values?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  exec(text: string): Promise<void>;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` once the outermost transaction this Db belongs to has committed (never if it rolls back); outside a
   * transaction, at once. For telling this process of a change without waiting for a notification.
   */
  afterCommit(fn: () => void): void;
  close(): Promise<void>;
};

export async function one<T extends Row>(db: Db, statement: Sql): Promise<T | undefined> {
  const rows = await db.query<T>(statement);
  return rows[0];
}
