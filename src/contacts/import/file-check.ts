import { isUtf8 } from 'node:buffer';
import { AppError } from '../../lib/app-error.ts';

/**
 * Checks an upload as it streams past, chunk by chunk, so a file that is not UTF-8 CSV text is refused
 * with a clear reason instead of importing garbage: a UTF-16 or UTF-32 byte-order mark, a known binary
 * format (spreadsheet, archive, PDF), NUL bytes, or bytes that are not UTF-8. A UTF-8 byte-order mark is
 * fine and is dropped. Holds at most three bytes between chunks (a character split across two).
 */
export type FileCheck = {
  /** The chunk as it should be stored (the BOM removed); throws an AppError when the file is refused. */
  next(chunk: Buffer): Buffer;
  /** After the last chunk: what is left to store; throws if the file is empty or ends inside a character. */
  end(): Buffer;
};

const SIGNATURES: [Buffer, string][] = [
  [Buffer.from('PK\x03\x04', 'latin1'), 'a ZIP archive (an .xlsx or .ods spreadsheet is one): export the sheet as "CSV UTF-8"'],
  [Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'an old Excel (.xls) or other Office file: export the sheet as "CSV UTF-8"'],
  [Buffer.from('%PDF', 'latin1'), 'a PDF document'],
  [Buffer.from('1f8b', 'hex'), 'a gzip archive: decompress it first'],
  [Buffer.from('89504e47', 'hex'), 'a PNG image'],
  [Buffer.from('ffd8ff', 'hex'), 'a JPEG image'],
];

export function createFileCheck(): FileCheck {
  let seen = 0;
  let carry: Buffer = Buffer.alloc(0);
  let head = true;
  const notCsv = (why: string) => new AppError('file_not_csv', { message: `The file is not CSV text: ${why}.` });
  const notUtf8 = (why: string) => new AppError('file_not_utf8', { message: `The file must be UTF-8 text: ${why}.` });
  return {
    next(input) {
      let chunk = input;
      if (head) {
        // The first bytes decide the format; wait for four of them (a tiny first chunk is possible).
        carry = Buffer.concat([carry, chunk]);
        if (carry.length < 4) return Buffer.alloc(0);
        chunk = carry;
        carry = Buffer.alloc(0);
        head = false;
        if (chunk[0] === 0xff && chunk[1] === 0xfe) throw notUtf8(chunk[2] === 0 && chunk[3] === 0 ? 'it is UTF-32' : 'it is UTF-16 (save it as "CSV UTF-8")');
        if (chunk[0] === 0xfe && chunk[1] === 0xff) throw notUtf8('it is UTF-16 (save it as "CSV UTF-8")');
        if (chunk[0] === 0 && chunk[1] === 0 && chunk[2] === 0xfe && chunk[3] === 0xff) throw notUtf8('it is UTF-32');
        for (const [signature, what] of SIGNATURES) if (chunk.subarray(0, signature.length).equals(signature)) throw notCsv(`it is ${what}`);
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        // Text in UTF-16 without a byte-order mark has a NUL beside every ASCII character.
        const sample = chunk.subarray(0, 64);
        const alternating = sample.length >= 8 && sample.filter((b, i) => i % 2 === (nul % 2) && b === 0).length >= sample.length / 2 - 2;
        throw alternating ? notUtf8('it looks like UTF-16 (save it as "CSV UTF-8")') : notCsv(`it holds binary data (a NUL byte at byte ${seen + nul})`);
      }
      const whole = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const complete = completePrefix(whole);
      if (!isUtf8(whole.subarray(0, complete))) throw notUtf8(`it holds bytes that are not UTF-8 near byte ${seen} (Windows-1252 or Latin-1? save it as "CSV UTF-8")`);
      carry = Buffer.from(whole.subarray(complete));
      seen += chunk.length;
      return chunk;
    },
    end() {
      let rest: Buffer = Buffer.alloc(0);
      if (head && carry.length > 0) {
        // A file of fewer than four bytes.
        rest = carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf ? carry.subarray(3) : carry;
        carry = Buffer.alloc(0);
        if (rest.indexOf(0) >= 0) throw notCsv('it holds binary data');
        if (!isUtf8(rest)) throw notUtf8('it holds bytes that are not UTF-8');
        seen += rest.length;
      }
      if (carry.length > 0) throw notUtf8('it ends in the middle of a character');
      if (seen === 0) throw new AppError('validation_failed', { message: 'The file is empty.', details: [{ path: 'file', message: 'is empty' }] });
      return rest;
    },
  };
}

/** The length of the buffer up to its last complete UTF-8 character (a split one is left for the next chunk). */
function completePrefix(buf: Buffer): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i]! & 0xc0) === 0x80) { i -= 1; continuation += 1; }
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i >= needs ? buf.length : i;
}
