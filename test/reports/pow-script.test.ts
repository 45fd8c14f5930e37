import vm from 'node:vm';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer } from '../../src/lib/secrets.ts';
import { checkProofOfWork, issueChallenge, POW_BITS } from '../../src/reports/challenge.ts';
import { POW_FORM_SCRIPT, POW_SOLVER_JS } from '../../src/reports/pow-script.ts';

// The report page's inline script runs in browsers, not here: its hash and solver are run in a bare V8 context
// (no Node APIs) and held to node:crypto and to the server's own check.
const context = vm.createContext({});
vm.runInContext(POW_SOLVER_JS, context);
const pageSha256 = (s: string) => (vm.runInContext(`sha256(${JSON.stringify(s)})`, context) as number[]).map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');

describe('the report form\'s proof-of-work script', () => {
  it('hashes like SHA-256 at every padding boundary', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
      const s = randomBytes(length).toString('base64url').slice(0, length).padEnd(length, 'x');
      expect(pageSha256(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });

  it('finds a counter the server accepts', () => {
    const sealer = createSealer(randomBytes(32).toString('base64'));
    const now = new Date();
    const { challenge } = issueChallenge(sealer, now);
    const counter = vm.runInContext(`solve(${JSON.stringify(challenge)}, ${POW_BITS}, 0, 1e9)`, context) as number;
    expect(checkProofOfWork(sealer, challenge, String(counter), now)).toMatchObject({ ok: true });
  });

  it('is plain script: no network, no eval, no storage', () => {
    expect(POW_FORM_SCRIPT).not.toMatch(/fetch|XMLHttpRequest|eval|Function\(|localStorage|document\.cookie|import/);
  });
});
