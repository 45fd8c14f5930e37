// The first rows of a CSV file, read in the browser before it is uploaded, so the columns can be mapped to
// fields. Only the file's first bytes are read (the platform's header limit is 64 KiB); the upload sends the file.

export const HEADER_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type CsvPreview = { delimiter: Delimiter; header: string[]; rows: string[][] };

/** The header and up to `sampleRows` rows of the file, or why it cannot be read as CSV. */
export async function previewCsv(file: File, sampleRows = 3): Promise<{ ok: true; preview: CsvPreview } | { ok: false; reason: string }> {
  const text = (await file.slice(0, HEADER_BYTES).text()).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.trim()) return { ok: false, reason: 'The file is empty or its first line is blank: the first line must name the columns.' };
  if (text.includes('\u0000')) return { ok: false, reason: 'This is not a text file. Export the spreadsheet as CSV (UTF-8) and choose that file.' };
  const delimiter = guessDelimiter(firstLine);
  const records = parseRecords(text, delimiter, sampleRows + 1, file.size > HEADER_BYTES);
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === '')) return { ok: false, reason: 'No column names were found on the first line.' };
  return { ok: true, preview: { delimiter, header, rows: records.slice(1) } };
}

/** The delimiter that splits the header line into the most columns (commas when none does). */
function guessDelimiter(line: string): Delimiter {
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const count = parseRecords(line, d, 1, false)[0]?.length ?? 0;
    if (count > most) { best = d; most = count; }
  }
  return best;
}

/** RFC 4180 records (quoted cells may hold delimiters, quotes and line breaks); a cut-off last record is dropped. */
function parseRecords(text: string, delimiter: string, max: number, truncated: boolean): string[][] {
  const records: string[][] = [];
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(cell);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    cell = '';
  };
  while (i < text.length && records.length < max) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { record.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else cell += ch;
    i += 1;
  }
  if (records.length < max && !truncated && (cell !== '' || record.length > 0)) endRecord();
  return records;
}

/** The column whose name suggests the field, if one does ("Mobile number" → phone). */
export function guessColumn(header: string[], field: string): string {
  const hints: Record<string, RegExp> = {
    phone: /^(phone|mobile|cell|whatsapp|msisdn|number|phone.?number|mobile.?number|tel(ephone)?)$/i,
    name: /^(name|full.?name|contact.?name|customer)$/i,
    language: /^(lang|language|locale)$/i,
    time_zone: /^(tz|time.?zone|timezone)$/i,
    tags: /^(tags?|labels?|segments?)$/i,
    consent: /^(consent|opt.?in|opted.?in|subscribed|marketing.?consent)$/i,
    consent_text: /^(consent.?text|opt.?in.?text|agreed.?text|wording)$/i,
    consent_url: /^(consent.?url|source.?url|form.?url|url)$/i,
    captured_at: /^(captured.?at|consent.?date|opted.?in.?at|signup.?date|date)$/i,
    ip: /^(ip|ip.?address)$/i,
  };
  const hint = hints[field];
  return (hint && header.find((h) => hint.test(h.trim()))) || '';
}
