/**
 * A POSIX ustar archive of in-memory files: what `tar -x` on any system reads. Written here because an evidence
 * bundle is a few flat files with short ASCII names — no links, no long names, no streaming — which is the part
 * of the format that fits in a page (decision 0023). Names over 100 bytes are refused, not truncated.
 */
export type TarFile = { path: string; bytes: Buffer };

const BLOCK = 512;

export function tar(files: TarFile[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(header(f.path, f.bytes.length, mtime), f.bytes, Buffer.alloc((BLOCK - (f.bytes.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2)); // end of archive: two empty blocks
  return Buffer.concat(parts);
}

function header(path: string, size: number, mtime: Date): Buffer {
  if (!/^[\x21-\x7e]+$/.test(path) || path.length > 100) throw new Error(`tar: "${path}" is not a short ASCII name`);
  const h = Buffer.alloc(BLOCK);
  h.write(path, 0, 'ascii');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(octal(size, 11), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 11), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // the checksum counts its own field as spaces
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function octal(n: number, digits: number): string {
  return `${n.toString(8).padStart(digits, '0')}\0`;
}
