import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));

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
  const sources = Math.max(newestMtime(join(WEB, 'src')), newestMtime(join(WEB, 'index.html')), newestMtime(join(WEB, 'vite.config.ts')), newestMtime(join(WEB, 'package.json')));
  if (builtAt > sources) return false;
  const { build } = await import('vite');
  await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
