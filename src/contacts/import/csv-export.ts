/**
 * CSV written back to users (the rejections report). Cells that a spreadsheet would run as a formula —
 * starting with = + - @, a tab or a carriage return — get a leading single quote (OWASP, "CSV Injection"),
 * so a cell like `=cmd|' /C calc'!A0` from an uploaded file opens as text.
 */
export function neutralizeCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 line: every cell neutralized, quoted when it holds a delimiter, quote or line break. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((raw) => {
    const cell = neutralizeCell(raw);
    return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }).join(',') + '\r\n';
}
