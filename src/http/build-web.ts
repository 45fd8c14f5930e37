import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const PLATFORM_SOURCES = fileURLToPath(new URL('../', import.meta.url));

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Runs Vite's build of web/ unless web/dist/index.html is newer than every source. Returns whether it built.
 * Types are checked by `npm test` (`tsc -p web`), not here: a start should not fail on a type.
 */
export async function buildWebIfStale(): Promise<boolean> {
  const builtAt = newestMtime(join(WEB, 'dist', 'index.html'));
  // The bundle also takes pure modules of the platform (the template validator, the import mapping's rules): a
  // change under src/ rebuilds it too, so API and dashboard never judge by different rules.
  const sources = Math.max(newestMtime(join(WEB, 'src')), newestMtime(join(WEB, 'index.html')), newestMtime(join(WEB, 'vite.config.ts')),
    newestMtime(join(WEB, 'package.json')), newestMtime(PLATFORM_SOURCES));
  if (builtAt > sources) return false;
  const { build } = await import('vite');
  // Built beside web/dist and swapped in whole: a page being served meanwhile (another test run, a running
  // platform) never finds its index without its assets. React's production build whatever NODE_ENV the caller has
  // (vitest sets `test`, which Vite would honour).
  const next = join(WEB, `dist.next-${process.pid}`);
  const old = join(WEB, `dist.old-${process.pid}`);
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: next, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const dist = join(WEB, 'dist');
  // Two builds at once (two test runs starting together) may race here: whichever lands last is served, both whole.
  try { renameSync(dist, old); } catch { /* none yet, or another build moved it */ }
  try { renameSync(next, dist); } catch { rmSync(next, { recursive: true, force: true }); }
  rmSync(old, { recursive: true, force: true });
  return true;
}
