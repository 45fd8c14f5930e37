import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';
import { ensurePolicyV1 } from '../policy/store.ts';
import { sql } from './sql.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 7_202_611;

/** Applies every migration not yet recorded, each in its own transaction, in file-name order; then seeds platform data. */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    const done = await db.transaction(async (tx) => {
      // Several processes may start at once against one PostgreSQL: the lock makes them take turns.
      await tx.query(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const seen = await tx.query(sql`SELECT 1 FROM schema_migrations WHERE version = ${version}`);
      if (seen.length > 0) return false;
      await tx.exec(await readFile(MIGRATIONS_DIR + file, 'utf8'));
      await tx.query(sql`INSERT INTO schema_migrations (version) VALUES (${version})`);
      return true;
    });
    if (done) applied.push(version);
  }
  // Platform data every database needs, written once: the first version of the Acceptable Use Policy.
  await ensurePolicyV1(db);
  return applied;
}
