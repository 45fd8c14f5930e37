// node bench/screening.ts — content screening: quality on the labelled set (dev, and the holdout kept aside
// while the rules were built), throughput and per-message latency over the same texts beside a ceiling
// measured in the same run (one bare regex scan of each text: the least any screen must do), and the worst
// time per kilobyte over pathological inputs against the issue's 50 ms/KB. Pure CPU, no database.
// `runScreeningBench()` returns the figures and `screeningMarkdown()` renders them, for bench/run.ts.
//
//   BENCH_SCREENING_MS   measuring time for each throughput figure (default 3000)

import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { wordsOf } from '../src/compliance/screening/normalize.ts';
import { screenText, screenTextWithStats } from '../src/compliance/screening/screen-text.ts';
import { loadLabelledSet, measureQuality, type Quality } from '../test/fixtures/screening/labelled-set.ts';

const GOAL = { recall: 0.95, falsePositiveRate: 0.02, msPerKb: 50 };
const KB = 1024;

/** messagesPerS counts wall time; perCpuS counts this process's CPU time, which a busy machine disturbs far less. */
export type Throughput = { what: string; messagesPerS: number; perCpuS: number; p50Us: number; p99Us: number; maxUs: number; runs: number };
export type WorstCase = { what: string; bytes: number; ms: number; msPerKb: number };
export type ScreeningBench = {
  date: string; commit: string; node: string; cpu: string; load: [number, number];
  quality: Quality[]; screen: Throughput; ceiling: Throughput; normalizeOnly: Throughput; worst: WorstCase[];
};

export async function runScreeningBench(options: { measureMs?: number } = {}): Promise<ScreeningBench> {
  const measureMs = options.measureMs ?? Number(process.env['BENCH_SCREENING_MS'] ?? 3000);
  const loadStart = loadavg()[0] ?? 0;
  const quality = [measureQuality('dev'), measureQuality('holdout')];
  const texts = [...loadLabelledSet('dev'), ...loadLabelledSet('holdout')].map((m) => m.text);
  // The ceiling: one case-insensitive regex over each text for the words and links a screen looks for.
  const bare = /otp|pin|password|cvv|kyc|block|fee|https?:\/\/\S+|www\.\S+/gi;
  let sink = 0;
  const ceiling = throughput('ceiling: one bare regex scan of each text', texts, measureMs, (t) => { sink += t.match(bare)?.length ?? 0; });
  // A reference between the two: only the normalization and word split every multilingual match needs.
  const normalizeOnly = throughput('reference: normalization and word split only', texts, measureMs, (t) => { sink += wordsOf(t).words.length; });
  const screen = throughput('screenText', texts, measureMs, (t) => { sink += screenText(t).score; });
  const worst = worstCases();
  if (sink < 0) console.log(sink); // keeps the work observable
  return {
    date: new Date().toISOString().slice(0, 10), commit: commit(), node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, load: [loadStart, loadavg()[0] ?? 0],
    quality, screen, ceiling, normalizeOnly, worst,
  };
}

// Rounds over all texts until the time is up, after one warm-up round; each call timed on its own.
function throughput(what: string, texts: string[], measureMs: number, fn: (text: string) => void): Throughput {
  for (const t of texts) fn(t);
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(measureMs) * 1_000_000n;
  let now = started;
  while (now < deadline) {
    for (const t of texts) {
      const t0 = process.hrtime.bigint();
      fn(t);
      const t1 = process.hrtime.bigint();
      samples.push(Number(t1 - t0) / 1000);
    }
    now = process.hrtime.bigint();
  }
  const elapsedS = Number(now - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { what, messagesPerS: samples.length / elapsedS, perCpuS: samples.length / cpuS, p50Us: at(0.5), p99Us: at(0.99), maxUs: samples[samples.length - 1] ?? 0, runs: samples.length };
}

// Inputs built to be slow: the largest text read (64 KiB), made of what costs most per character.
function worstCases(): WorstCase[] {
  const size = 64 * KB;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const cases: [string, string][] = [
    ['links, one per token (sbi-kyc lookalikes)', fill('https://sbi-kyc.xyz/a ')],
    ['bare-domain candidates (a.co.in)', fill('a.co.in ')],
    ['one 64 KiB host', `http://${'a'.repeat(size - 12)}.com/`],
    ['dots only after a host', `http://x.com${'.'.repeat(size - 13)}x`],
    ['unclosed Markdown anchors', fill('[x](http://a.b')],
    ['lexicon words (share otp never upi pin)', fill('share otp never upi pin ')],
    ['spelled-out letters (o t p)', fill('o t p ')],
    ['Devanagari request', fill('कृपया ओटीपी बताएं ')],
    ['mixed-script lookalike hosts', fill('https://pаypаl-ѕecure.com/login ')],
    ['arbitrary bytes', Array.from({ length: size }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('')],
  ];
  return cases.map(([what, text]) => {
    screenTextWithStats(text);
    const runs = 5;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) screenTextWithStats(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
    const bytes = Buffer.byteLength(text);
    return { what, bytes, ms, msPerKb: ms / (bytes / KB) };
  });
}

function commit(): string {
  if (process.env['BENCH_COMMIT']) return process.env['BENCH_COMMIT'];
  try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { return 'unknown (not a git checkout)'; }
}

const f = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function screeningMarkdown(b: ScreeningBench): string {
  const lines = [
    `- commit ${b.commit}; node ${b.node}; ${b.cpu}; load average (1 min) ${f(b.load[0], 2)} at start, ${f(b.load[1], 2)} at end`,
    '',
    '| part | messages | malicious | legit | recall | false-positive rate | blocked | held | goal (recall ≥ 0.95, FPR ≤ 0.02) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...b.quality.map((q) => `| ${q.part} | ${q.messages} | ${q.malicious} | ${q.legit} | ${f(q.recall, 3)} | ${f(q.falsePositiveRate, 3)} | ${q.blocked} | ${q.held} | ${met(q.recall >= GOAL.recall && q.falsePositiveRate <= GOAL.falsePositiveRate)} |`),
    '',
    '| measurement | messages/s | per CPU-second | p50 | p99 | max | calls | vs ceiling (per CPU-second) |',
    '|---|---|---|---|---|---|---|---|',
    ...[b.screen, b.normalizeOnly, b.ceiling].map((t) => `| ${t.what} | ${f(t.messagesPerS)} | ${f(t.perCpuS)} | ${f(t.p50Us, 1)} µs | ${f(t.p99Us, 1)} µs | ${f(t.maxUs)} µs | ${f(t.runs)} | ${t === b.ceiling ? '' : `${f((100 * t.perCpuS) / b.ceiling.perCpuS, 1)} % of the ceiling`} |`),
    '',
    `| worst case (64 KiB, the most a screen reads) | ms | ms per KiB | goal ≤ ${GOAL.msPerKb} ms/KiB |`,
    '|---|---|---|---|',
    ...b.worst.map((w) => `| ${w.what} | ${f(w.ms, 1)} | ${f(w.msPerKb, 3)} | ${met(w.msPerKb <= GOAL.msPerKb)} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runScreeningBench();
  console.log(`## Content screening, ${result.date}\n`);
  console.log(screeningMarkdown(result));
}
