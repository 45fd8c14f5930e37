import type { Multipart } from '@fastify/multipart';
import { parse } from 'csv-parse';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/app-error.ts';
import { newId } from '../../lib/ids.ts';
import { createFileCheck } from './file-check.ts';
import { readColumnMapping, readConsentMapping, resolveMapping, type Violation } from './mapping.ts';
import { attributeDefinitions, deleteImport, importContext, insertChunk, insertImport, queueImport, type ImportRow } from './store.ts';

// The file is kept in chunks of this size: a worker resuming at a byte offset reads from the chunk holding it.
export const CHUNK_BYTES = 2 * 1024 * 1024;
// The header must be complete within this many bytes.
const HEADER_MAX_BYTES = 64 * 1024;

/**
 * Receives an import: the `mapping` and `consent` form fields and the `file`, streamed into the database
 * chunk by chunk (never the whole file in memory), checked as it passes (UTF-8 text, size limit). The mapping
 * is checked against the header before the import is queued; on any refusal nothing is kept.
 */
export async function receiveImport(
  deps: Deps, org: { orgId: string; actor: string }, parts: AsyncIterableIterator<Multipart>, limits: { maxBytes: number },
): Promise<ImportRow> {
  const fields: Record<string, string> = {};
  const id = newId('contactImport');
  let upload: Upload | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'mapping' || part.fieldname === 'consent') fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || upload) {
        throw new AppError('validation_failed', { details: [{ path: part.fieldname, message: 'send one CSV file as the "file" part' }] });
      }
      // A mapping sent before the file is checked against the header as soon as the header has arrived.
      upload = await storeFile(deps, org, id, part, limits, fields);
    }
    if (!upload) throw new AppError('validation_failed', { details: [{ path: 'file', message: 'is required: the CSV file as a multipart "file" part' }] });
    const checked = await checkMapping(deps, org.orgId, fields, upload.prefix, upload.complete);
    const queued = await queueImport(deps.db, org.orgId, id, {
      header: checked.header, dataOffset: checked.headerBytes, sizeBytes: upload.size, chunkCount: upload.chunks,
      mapping: checked.mapping, consent: checked.consent,
    });
    return queued!;
  } catch (error) {
    // Whatever was stored of a refused upload goes (the chunks with it).
    await deleteImport(deps.db, org.orgId, id);
    throw error;
  }
}

type Upload = { size: number; chunks: number; prefix: Buffer; complete: boolean };

async function storeFile(
  deps: Deps, org: { orgId: string; actor: string }, id: string, part: Multipart & { type: 'file' }, limits: { maxBytes: number }, fields: Record<string, string>,
): Promise<Upload> {
  await insertImport(deps.db, org.orgId, { id, filename: part.filename || null, actor: org.actor, chunkBytes: CHUNK_BYTES });
  const check = createFileCheck();
  let received = 0;
  let size = 0;
  let chunks = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let prefix = Buffer.alloc(0);
  let headerChecked = false;

  const store = async (bytes: Buffer, final: boolean) => {
    if (bytes.length > 0) {
      pending.push(bytes);
      pendingBytes += bytes.length;
      size += bytes.length;
      if (prefix.length < HEADER_MAX_BYTES) prefix = Buffer.concat([prefix, bytes.subarray(0, HEADER_MAX_BYTES - prefix.length)]);
    }
    while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending);
      const take = Math.min(CHUNK_BYTES, all.length);
      await insertChunk(deps.db, org.orgId, id, chunks, all.subarray(0, take));
      chunks += 1;
      pending = take < all.length ? [all.subarray(take)] : [];
      pendingBytes = all.length - take;
    }
    if (!headerChecked && fields['mapping'] !== undefined && (prefix.length >= HEADER_MAX_BYTES || final)) {
      headerChecked = true;
      await checkMapping(deps, org.orgId, fields, prefix, final);
    }
  };

  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limits.maxBytes) {
      throw new AppError('payload_too_large', { message: `An import file may be at most ${limits.maxBytes} bytes.`, details: { limit: limits.maxBytes } });
    }
    await store(check.next(chunk), false);
  }
  await store(check.end(), true);
  return { size, chunks, prefix, complete: true };
}

/** The mapping checked against the header (parsed from the file's first bytes) and the organization's attributes. */
async function checkMapping(deps: Deps, orgId: string, fields: Record<string, string>, prefix: Buffer, complete: boolean) {
  const { mapping, violations } = readColumnMapping(fields['mapping']);
  const { consent, violations: consentViolations } = readConsentMapping(fields['consent']);
  const all: Violation[] = [...violations, ...consentViolations];
  if (!mapping || all.length > 0) throw new AppError('validation_failed', { details: all });
  const header = await headerOf(prefix, mapping.delimiter ?? ',', complete);
  const [defs, context] = await Promise.all([attributeDefinitions(deps.db, orgId), importContext(deps.db, orgId)]);
  const { violations: mappingViolations } = resolveMapping(header.cells, mapping, consent, defs, { businessName: context?.business_name ?? '' });
  if (mappingViolations.length > 0) {
    throw new AppError('validation_failed', { message: 'The mapping does not fit the file.', details: mappingViolations });
  }
  return { mapping, consent, header: header.cells.map((c) => c.trim()), headerBytes: header.bytes };
}

/** The file's first record: its cells and where the data rows start. */
function headerOf(prefix: Buffer, delimiter: string, complete: boolean): Promise<{ cells: string[]; bytes: number }> {
  const noHeader = () => new AppError('file_not_csv', {
    message: complete ? 'The file is not CSV text: no header row with column names was found.' : `The file is not CSV text: no header row ends within its first ${HEADER_MAX_BYTES} bytes.`,
  });
  // A header cut off at the end of the prefix of a longer file is not a header yet.
  if (!complete && prefix.indexOf(0x0a) < 0) return Promise.reject(noHeader());
  return new Promise((resolve, reject) => {
    const parser = parse({ delimiter, info: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, to: 1 });
    let header: { cells: string[]; bytes: number } | null = null;
    parser.on('data', (r: { record: string[]; info: { bytes: number } }) => { header ??= { cells: r.record, bytes: r.info.bytes }; });
    parser.on('error', () => reject(noHeader()));
    parser.on('end', () => (header ? resolve(header) : reject(noHeader())));
    parser.end(prefix);
  });
}
