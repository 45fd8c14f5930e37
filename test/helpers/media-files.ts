import { crc32, deflateRawSync } from 'node:zlib';

// Small real files for media screening tests, built byte by byte so no binary fixture hides what it holds.

export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
/** A DOS/PE header: what every Windows program starts with. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0')]);
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);

export type ZipEntry = { name: string; data: Buffer | string; deflate?: boolean; declaredSize?: number };

/** A zip with the given entries (stored, or deflated), in order, with a central directory. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    const body = entry.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name);
    const method = entry.deflate ? 8 : 0;
    const size = entry.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8); local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14); central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(body.length, 20); central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';

function contentTypes(main: string): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
}

/** A Word document; `macros` adds a VBA project, `macroContentTypes` declares it a .docm as Word would. */
export function docx(options: { macros?: boolean; macroContentTypes?: boolean; extra?: ZipEntry[] } = {}): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes(options.macroContentTypes ? WORD_MACRO_MAIN : WORD_MAIN) },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' },
    { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>', deflate: true },
    ...(options.macros ? [{ name: 'word/vbaProject.bin', data: Buffer.from('Attribute VB_Name = "ThisDocument"\nSub AutoOpen()\nEnd Sub\n') }] : []),
    ...(options.extra ?? []),
  ]);
}

/**
 * A legacy Office (OLE2 compound) file: header, one FAT sector, one directory sector with up to four entries.
 * `storages` are the names after the root entry (e.g. WordDocument, Macros, _VBA_PROJECT); `rootClsid` marks
 * an installer package.
 */
export function cfb(storages: string[], rootClsid?: string): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); header.writeUInt16LE(3, 0x1a); header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); header.writeUInt32LE(1, 0x30); header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c); header.writeUInt32LE(0xfffffffe, 0x44);
  header.writeUInt32LE(0, 0x4c);
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(sector, 0);
  ['Root Entry', ...storages].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    const encoded = Buffer.from(name + '\0', 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory[at + 0x42] = i === 0 ? 5 : name === 'Macros' || name === 'VBA' || name === '_VBA_PROJECT_CUR' ? 1 : 2;
    if (i === 0 && rootClsid) Buffer.from(rootClsid, 'hex').copy(directory, at + 0x50);
  });
  return Buffer.concat([header, fat, directory]);
}
