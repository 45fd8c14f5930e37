import { randomUUID } from 'node:crypto';
import { CsvError, parse } from 'csv-parse';
import type { Deps } from '../../deps.ts';
import { startPollLoop } from '../../lib/poll-loop.ts';
import { sql } from '../../db/sql.ts';
import { phoneHash } from '../consent-policy.ts';
import { appendConsents, effectiveConsent, type NewConsent, type Purpose, type StateRow } from '../consent-ledger.ts';
import { resolveMapping, type ResolvedMapping } from './mapping.ts';
import { guardedPurposes, prepareBatch, type CsvRecord, type PreparedBatch, type RowContext } from './rows.ts';
import {
  anyOptedOut, attributeDefinitions, claimImportUnscoped, consentStatesByPhone, deleteAbandonedUploadsUnscoped, finishImport,
  importContext, insertRejections, readChunk, recordProgress, releaseLease, upsertContacts, type ImportRow,
} from './store.ts';

/**
 * The worker side of contact imports: a loop that takes one import at a time (any worker, any organization)
 * under a lease, and commits it batch by batch. Each batch — contacts, their consent records, its
 * rejections and the progress that moves past it — is one transaction, so a worker that dies loses at
 * most the batch in flight, and the next one resumes at the first row not committed. Decision 0010.
 */
export type Importer = { wake(): void; stop(): Promise<void> };

// A record longer than this is a broken file (an unclosed quote swallowing the rest), not a contact.
const MAX_RECORD_BYTES = 256 * 1024;
// The stored file is handed to the parser in slices this big, so the records waiting stay few.
const FEED_BYTES = 64 * 1024;
// Claims in a row without a committed batch before an import is given up.
const MAX_ATTEMPTS = 8;
const ABANDONED_UPLOAD_SECONDS = 6 * 3600;

export function startImporter(deps: Deps): Importer {
  let stopping = false;
  let lastSweep = 0;
  const loop = startPollLoop({
    idleMs: 1000,
    step: async () => {
      if (Date.now() - lastSweep > 600_000) {
        lastSweep = Date.now();
        await deleteAbandonedUploadsUnscoped(deps.db, ABANDONED_UPLOAD_SECONDS);
      }
      return importNext(deps, () => stopping);
    },
    onError: (err) => deps.log.error({ err }, 'contact import step failed; the import resumes from its last committed batch when its lease ends'),
  });
  return {
    wake: () => loop.wake(),
    async stop() {
      stopping = true;
      await loop.stop();
    },
  };
}

/** Takes the next import and works on it until it is done, this worker stops, or the lease is lost. */
export async function importNext(deps: Deps, isStopping: () => boolean): Promise<boolean> {
  const token = randomUUID();
  const leaseSeconds = deps.config.contactImport.leaseSeconds;
  const job = await claimImportUnscoped(deps.db, token, leaseSeconds);
  if (!job) return false;
  const log = deps.log.child({ importId: job.id, orgId: job.org_id });
  if (job.attempts > MAX_ATTEMPTS) {
    await finishImport(deps.db, job.org_id, job.id, token, { error: { message: `The import stopped at row ${job.next_row}: it failed ${MAX_ATTEMPTS} times in a row there.`, row: job.next_row } });
    return true;
  }
  try {
    const outcome = await runImport(deps, job, token, isStopping);
    if (outcome === 'done') await finishImport(deps.db, job.org_id, job.id, token, { error: null });
    if (outcome === 'stopped') await releaseLease(deps.db, job.org_id, job.id, token);
    if (outcome === 'lost') log.warn('another worker took this import over (lease expired)');
  } catch (error) {
    if (error instanceof ImportFileError) {
      await finishImport(deps.db, job.org_id, job.id, token, { error: { message: error.message, row: error.row } });
      return true;
    }
    throw error;
  }
  return true;
}

class ImportFileError extends Error {
  readonly row: number;
  constructor(row: number, message: string) {
    super(message);
    this.row = row;
  }
}

type Batch = { records: CsvRecord[]; startOffset: number; nextOffset: number; nextRow: number };

async function runImport(deps: Deps, job: ImportRow, token: string, isStopping: () => boolean): Promise<'done' | 'stopped' | 'lost'> {
  const [defs, context] = await Promise.all([attributeDefinitions(deps.db, job.org_id), importContext(deps.db, job.org_id)]);
  const businessName = context?.business_name ?? '';
  const { resolved, violations } = resolveMapping(job.header!, job.mapping!, job.consent, defs, { businessName });
  // Only possible when an attribute definition was removed between upload and processing.
  if (!resolved) throw new ImportFileError(job.next_row, `The mapping no longer fits: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`);
  const ctx: RowContext = { importId: job.id, filename: job.filename ?? '', defaultCountry: context?.default_country, businessName, now: deps.clock.now() };

  // Two batches overlap: the next is read and checked in this process while the previous one is written, and
  // its transaction upserts its contacts while the one before appends its consent records. It then waits for
  // that one to commit before it writes anything ordered (ledger, progress), so batches commit in file order.
  let previous: Promise<boolean> | null = null;
  let current: InFlight | null = null;
  const drain = async () => (previous ? await previous : true) && (current ? await current.committed : true);
  try {
    for await (const batch of readBatches(deps, job, deps.config.contactImport.batchRows)) {
      const prepared = prepareBatch(batch.records, resolved, ctx);
      if (previous && !(await previous)) return 'lost';
      if (current) await current.upserted;
      if (isStopping()) return (await drain()) ? 'stopped' : 'lost';
      previous = current?.committed ?? null;
      current = startBatch(deps, job, token, resolved, prepared, batch, previous);
    }
  } catch (error) {
    // A broken row further on: the batches before it are still being written, and must land before the import stops.
    if (error instanceof ImportFileError && !(await drain())) return 'lost';
    throw error;
  }
  return (await drain()) ? 'done' : 'lost';
}

type InFlight = { committed: Promise<boolean>; upserted: Promise<void> };

function startBatch(deps: Deps, job: ImportRow, token: string, m: ResolvedMapping, prepared: PreparedBatch, batch: Batch, after: Promise<boolean> | null): InFlight {
  let upserted!: () => void;
  const upsertedPromise = new Promise<void>((resolve) => { upserted = resolve; });
  const committed = commitBatch(deps, job, token, m, prepared, batch, { after, upserted }).finally(upserted);
  committed.catch(() => {}); // awaited by runImport; this only keeps a failure from counting as unhandled meanwhile
  return { committed, upserted: upsertedPromise };
}

/**
 * Parses the stored file from the first row not yet committed, in batches, holding a few batches' worth of
 * records at most. The parser is never paused: a paused parser that then fails drops the records it had
 * buffered, and the rows before a broken one must all be imported. The feed waits instead.
 */
async function* readBatches(deps: Deps, job: ImportRow, size: number): AsyncGenerator<Batch> {
  type Item = { record: string[]; info: { bytes: number; records: number } };
  const parser = parse({
    delimiter: job.mapping!.delimiter ?? ',', info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES,
  });
  const queue: Item[] = [];
  let failure: unknown = null;
  let ended = false;
  let stopped = false;
  let wakeReader: (() => void) | null = null;
  let wakeFeed: (() => void) | null = null;
  const poke = (which: 'reader' | 'feed') => {
    const wake = which === 'reader' ? wakeReader : wakeFeed;
    if (which === 'reader') wakeReader = null; else wakeFeed = null;
    wake?.();
  };
  parser.on('data', (item: Item) => { queue.push(item); if (queue.length >= size) poke('reader'); });
  parser.on('error', (error) => { failure ??= error; poke('reader'); });
  parser.on('end', () => { ended = true; poke('reader'); });

  const first = Math.floor(job.next_offset / job.chunk_bytes);
  const feed = (async () => {
    for (let seq = first; seq < job.chunk_count; seq++) {
      const bytes = await readChunk(deps.db, job.org_id, job.id, seq);
      if (!bytes) throw new Error(`chunk ${seq} of import ${job.id} is missing`);
      for (let at = seq === first ? job.next_offset - first * job.chunk_bytes : 0; at < bytes.length; at += FEED_BYTES) {
        while (queue.length >= 2 * size && !stopped && !failure) await new Promise<void>((resolve) => { wakeFeed = resolve; });
        if (stopped || failure) return;
        if (!parser.write(bytes.subarray(at, at + FEED_BYTES))) {
          await new Promise<void>((resolve) => { parser.once('drain', resolve); parser.once('close', resolve); });
        }
      }
    }
    if (!stopped && !failure) parser.end();
  })();
  feed.catch((error: unknown) => { failure ??= error; poke('reader'); });

  let next = { offset: job.next_offset, row: job.next_row };
  const take = (): Batch => {
    const items = queue.splice(0, size);
    poke('feed');
    const records = items.map(({ record, info }) => ({ row: job.next_row + info.records - 1, cells: record }));
    const last = items[items.length - 1]!.info;
    const startOffset = next.offset;
    next = { offset: job.next_offset + last.bytes, row: job.next_row + last.records };
    return { records, startOffset, nextOffset: next.offset, nextRow: next.row };
  };
  try {
    for (;;) {
      if (queue.length >= size || (queue.length > 0 && (ended || failure))) {
        yield take();
        continue;
      }
      if (failure) {
        if (!(failure instanceof CsvError)) throw failure;
        // The rows before the broken one are imported; the import stops there with the parser's reason.
        throw new ImportFileError(next.row, `Row ${next.row} cannot be read as CSV: ${failure.message}`);
      }
      if (ended) return;
      await new Promise<void>((resolve) => { wakeReader = resolve; });
    }
  } finally {
    stopped = true;
    poke('feed');
    parser.destroy();
  }
}

class BatchAbandoned extends Error {}

/**
 * One batch in one transaction; false (and nothing written) if the batch before it did not commit or another
 * worker took the import over.
 */
async function commitBatch(
  deps: Deps, job: ImportRow, token: string, m: ResolvedMapping, prepared: PreparedBatch, batch: Batch,
  order: { after: Promise<boolean> | null; upserted: () => void },
): Promise<boolean> {
  const orgId = job.org_id;
  try {
    return await deps.db.transaction(async (tx) => {
      // A batch lost to a crash right after its commit is lost together with the progress that covered it, and is
      // imported again: this transaction need not wait for its WAL to reach the disk.
      await tx.exec('SET LOCAL synchronous_commit = off');
      const rejections = [...prepared.rejections];
      let contacts = prepared.contacts;
      let written: { id: string; phone_e164: string; inserted: boolean }[] = [];
      try {
        if (m.consent && contacts.some((c) => c.consent?.state === 'opted_in')) {
          const optingIn = contacts.filter((c) => c.consent?.state === 'opted_in').map((c) => c.phone);
          const cellsOf = new Map(batch.records.map((r) => [r.row, r.cells]));
          const refuse = (blocked: Map<string, Date>, reason: (since: Date) => string) => {
            if (blocked.size === 0) return;
            contacts = contacts.filter((c) => {
              const since = c.consent?.state === 'opted_in' ? blocked.get(c.phone) : undefined;
              if (since) rejections.push({ row: c.row, reason: reason(since), cells: cellsOf.get(c.row)! });
              return !since;
            });
          };
          // An import cannot overturn an opt-out: the customer's own word outranks a list of claims (AUP 3.1).
          refuse(await optedOut(tx, orgId, optingIn, m.consent.purpose),
            (since) => `the contact opted out on ${since.toISOString()}; an import cannot opt them back in (they must opt in again themselves)`);
          // Nor bring back a number erased at the customer's request (kept only as a keyed hash): it opts in itself.
          refuse(await suppressedNumbers(tx, deps, orgId, optingIn),
            (since) => `this number was erased at its owner's request on ${since.toISOString()}; an import cannot opt it back in (they must opt in again themselves)`);
        }
        written = contacts.length > 0 ? await upsertContacts(tx, orgId, contacts) : [];
      } finally {
        order.upserted();
      }
      if (order.after && !(await order.after.catch(() => false))) throw new BatchAbandoned();
      const byPhone = new Map(written.map((w) => [w.phone_e164, w.id]));
      const consents: NewConsent[] = [];
      for (const c of contacts) {
        if (!c.consent) continue;
        consents.push({
          contactId: byPhone.get(c.phone)!, purpose: m.consent!.purpose, state: c.consent.state, source: 'import', proof: c.consent.proof, actor: job.actor,
          ...(c.consent.capturedAt ? { capturedAt: c.consent.capturedAt } : {}),
        });
      }
      await appendConsents(tx, orgId, consents, deps.clock.now());
      await insertRejections(tx, orgId, job.id, rejections);
      const created = written.filter((w) => w.inserted).length;
      const moved = await recordProgress(tx, orgId, job.id, { token, seconds: deps.config.contactImport.leaseSeconds }, batch.startOffset, {
        nextOffset: batch.nextOffset, nextRow: batch.nextRow, read: batch.records.length, created, updated: written.length - created,
        rejected: rejections.length, duplicates: prepared.duplicates, consents: consents.length,
      });
      if (!moved) throw new BatchAbandoned();
      return true;
    });
  } catch (error) {
    if (error instanceof BatchAbandoned) return false;
    throw error;
  }
}

/** The numbers (of those given) on the suppression list, with when they were put there. */
async function suppressedNumbers(tx: Deps['db'], deps: Deps, orgId: string, phones: string[]): Promise<Map<string, Date>> {
  if (phones.length === 0) return new Map();
  // Most organizations never erased anyone: then nothing is hashed.
  if ((await tx.query(sql`SELECT 1 FROM suppressed_numbers WHERE org_id = ${orgId} LIMIT 1`)).length === 0) return new Map();
  const byHash = new Map(phones.map((p) => [phoneHash(deps.sealer, orgId, p), p]));
  const rows = await tx.query<{ phone_hash: string; created_at: Date }>(sql`
    SELECT phone_hash, created_at FROM suppressed_numbers WHERE org_id = ${orgId} AND phone_hash = ANY(${[...byHash.keys()]}::text[])`);
  return new Map(rows.map((r) => [byHash.get(r.phone_hash)!, new Date(r.created_at)]));
}

/** The numbers (of those given) whose contact is currently opted out of this purpose, with when they opted out. */
async function optedOut(tx: Deps['db'], orgId: string, phones: string[], purpose: NewConsent['purpose']): Promise<Map<string, Date>> {
  // Most organizations have few opt-outs, a new one none: then no number of the batch needs looking up.
  if (!(await anyOptedOut(tx, orgId, [...guardedPurposes(purpose), 'all']))) return new Map();
  const byPhone = new Map<string, StateRow[]>();
  for (const s of await consentStatesByPhone(tx, orgId, phones)) {
    const list = byPhone.get(s.phone_e164) ?? [];
    list.push(s as unknown as StateRow);
    byPhone.set(s.phone_e164, list);
  }
  const blocked = new Map<string, Date>();
  for (const [phone, states] of byPhone) {
    for (const p of guardedPurposes(purpose)) {
      const current = effectiveConsent(states, p as Purpose);
      if (current?.state === 'opted_out') { blocked.set(phone, new Date(current.recorded_at)); break; }
    }
  }
  return blocked;
}
