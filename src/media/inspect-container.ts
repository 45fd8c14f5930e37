import yauzl from 'yauzl';

/**
 * Active content inside document containers (AUP 3.4): macros in Office Open XML and OpenDocument zips, VBA
 * in legacy (OLE2/CFB) Office files, and installer packages. Both readers touch only directories, never
 * inflate an entry, and stop at a fixed number of entries, so a zip bomb or a looping sector chain costs
 * no more than reading the file's directory.
 */

/** Why a container is refused, or null when nothing active was found. */
export type ContainerFinding = { reason: 'executable' | 'script' | 'macros' | 'unreadable_container'; detail: string } | null;

// Far more than any real document has (a large .pptx has a few hundred); more is refused unread.
export const MAX_ZIP_ENTRIES = 10_000;

const ZIP_ACTIVE_CONTENT: [RegExp, string][] = [
  [/(^|\/)vbaProject\.bin$/i, 'a VBA macro project'],
  [/(^|\/)vbaProjectSignature[^/]*\.bin$/i, 'a VBA macro signature'],
  [/(^|\/)vbaData\.xml$/i, 'VBA macro data'],
  [/(^|\/)activeX\/[^/]+\.bin$/i, 'an ActiveX control'],
  [/^Basic\/.+/i, 'OpenDocument Basic macros'],
  [/^Scripts\/.+/i, 'OpenDocument scripts'],
];

/** Names whose extension makes them runnable (or mountable, for disk images) when opened. */
export const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'dll', 'scr', 'com', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'jar', 'apk', 'xapk', 'appx', 'msix', 'dmg', 'pkg', 'deb',
  'rpm', 'app', 'elf', 'so', 'dylib', 'bin', 'run', 'lnk', 'hta', 'reg', 'gadget', 'application', 'iso', 'img', 'vhd', 'vhdx', 'xpi',
]);
export const SCRIPT_EXTENSIONS = new Set([
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'ws', 'sh', 'bash', 'zsh', 'csh', 'ksh',
  'py', 'pyw', 'pl', 'rb', 'php', 'scpt', 'applescript', 'command', 'mht', 'mhtml', 'url', 'desktop', 'inf', 'sct',
]);

/** The extension as Windows would see it: trailing dots and spaces are dropped there, so "x.exe." is an .exe. */
export function extensionOf(name: string): string | null {
  const trimmed = name.replace(/[.\s]+$/, '');
  const base = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : null;
}

/** Reads the zip's central directory only (entries are never opened) and names what is active in it. */
export async function inspectZip(bytes: Buffer): Promise<ContainerFinding> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    return { reason: 'unreadable_container', detail: `the zip container cannot be read (${(error as Error).message})` };
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    return { reason: 'unreadable_container', detail: `the zip container lists ${zip.entryCount} entries (at most ${MAX_ZIP_ENTRIES} are inspected)` };
  }
  try {
    return await new Promise<ContainerFinding>((resolve) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const finding = entryFinding(entry.fileName);
        if (finding) resolve(finding);
        else zip.readEntry();
      });
      zip.on('end', () => resolve(null));
      zip.on('error', (error: Error) => resolve({ reason: 'unreadable_container', detail: `the zip container cannot be read (${error.message})` }));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

function entryFinding(name: string): ContainerFinding {
  for (const [pattern, what] of ZIP_ACTIVE_CONTENT) {
    if (pattern.test(name)) return { reason: 'macros', detail: `it contains ${what} (${name})` };
  }
  const ext = extensionOf(name);
  // .bin is how Office stores embedded OLE objects and printer settings; only the named ones above are refused.
  if (ext && ext !== 'bin' && EXECUTABLE_EXTENSIONS.has(ext)) return { reason: 'executable', detail: `it contains the program ${name}` };
  if (ext && SCRIPT_EXTENSIONS.has(ext)) return { reason: 'script', detail: `it contains the script ${name}` };
  return null;
}

const CFB_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const END_OF_CHAIN = 0xfffffffe;
// Where VBA lives in legacy Office files: Word's Macros storage, Excel's _VBA_PROJECT_CUR, and the _VBA_PROJECT
// stream inside either. PowerPoint keeps VBA inside its own stream, which this does not open.
const VBA_ENTRY_NAMES = new Set(['macros', '_vba_project_cur', '_vba_project', 'vba']);
// Windows Installer packages are CFB files too; their root storage carries this class id.
// {000C1084-…} installer, {000C1086-…} patch, {000C1082-…} transform, as stored (the first three fields little-endian).
const MSI_CLSIDS = new Set(['84100c0000000000c000000000000046', '86100c0000000000c000000000000046', '82100c0000000000c000000000000046']);
const MAX_DIRECTORY_SECTORS = 4096;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && Buffer.from(bytes.subarray(0, 8)).equals(CFB_SIGNATURE);
}

/**
 * Walks the directory of an OLE2 compound file (the container of .doc, .xls, .ppt and .msi) through its FAT,
 * at most MAX_DIRECTORY_SECTORS sectors and never the same one twice, and names VBA storages or an installer.
 */
export function inspectCfb(bytes: Buffer): ContainerFinding {
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return { reason: 'unreadable_container', detail: 'the compound document header is damaged' };
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const fatSectors = difat(bytes, sectorSize);
  const next = (sector: number): number | null => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return null;
    const at = sectorOffset(fatSector) + (sector % perSector) * 4;
    return at + 4 <= bytes.length ? bytes.readUInt32LE(at) : null;
  };

  const seen = new Set<number>();
  let sector: number | null = bytes.readUInt32LE(0x30);
  let first = true;
  while (sector !== null && sector !== END_OF_CHAIN && !seen.has(sector) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(sector);
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) break;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      const nameBytes = bytes.readUInt16LE(entry + 0x40);
      if (nameBytes < 2 || nameBytes > 64) continue;
      const name = bytes.toString('utf16le', entry, entry + nameBytes - 2).toLowerCase();
      if (first && entry === start && bytes[entry + 0x42] === 5) {
        const clsid = bytes.toString('hex', entry + 0x50, entry + 0x60);
        if (MSI_CLSIDS.has(clsid)) return { reason: 'executable', detail: 'it is a Windows Installer package' };
      }
      if (VBA_ENTRY_NAMES.has(name)) return { reason: 'macros', detail: `it contains VBA macros (${name})` };
    }
    first = false;
    sector = next(sector);
  }
  return null;
}

/** The FAT's sectors: the first 109 are listed in the header, the rest in a chain of DIFAT sectors. */
function difat(bytes: Buffer, sectorSize: number): number[] {
  const sectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = bytes.readUInt32LE(0x4c + i * 4);
    if (s >= 0xfffffffa) break;
    sectors.push(s);
  }
  let difatSector = bytes.readUInt32LE(0x44);
  const seen = new Set<number>();
  while (difatSector < 0xfffffffa && !seen.has(difatSector) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(difatSector);
    const start = (difatSector + 1) * sectorSize;
    if (start + sectorSize > bytes.length) break;
    for (let at = start; at < start + sectorSize - 4; at += 4) {
      const s = bytes.readUInt32LE(at);
      if (s < 0xfffffffa) sectors.push(s);
    }
    difatSector = bytes.readUInt32LE(start + sectorSize - 4);
  }
  return sectors;
}
