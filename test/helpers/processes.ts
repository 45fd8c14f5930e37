import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// Real processes started through bin/xpecto, for tests of roles, scale-out and crashes.

const children = new Set<ChildProcess>();

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type XpectoProcess = {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
};

export function startXpecto(args: string[], env: NodeJS.ProcessEnv): XpectoProcess {
  const child = spawn('bin/xpecto', args, { env: { PATH: process.env['PATH'], ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { children.delete(child); resolve(code); }));
  return {
    child,
    exited,
    output: () => output,
    async waitFor(pattern) {
      for (let i = 0; i < 600; i++) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited ${child.exitCode ?? child.signalCode}:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never printed ${pattern}:\n${output}`);
    },
  };
}

/** Runs a CLI command to completion and returns its output, failing on a non-zero exit. */
export async function runXpecto(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const p = startXpecto(args, env);
  const code = await p.exited;
  if (code !== 0) throw new Error(`xpecto ${args.join(' ')} exited ${code}:\n${p.output()}`);
  return p.output();
}

export function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
}
