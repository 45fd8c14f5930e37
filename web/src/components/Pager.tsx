import { useCallback, useState } from 'react';
import { formatNumber } from '../format.ts';

/**
 * Cursor pagination over the API's `next_cursor` (newest first): the cursors of the pages seen so far, so that
 * "Newer" goes back without the API having to page backwards. `reset` starts again when the filter changes.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const next = useCallback((nextCursor: string) => setCursors((c) => [...c, nextCursor]), []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  return { cursor, page: cursors.length, next, previous, reset };
}

/** "Newer" and "Older" under a list; hidden when there is a single page. */
export function Pager({ pages, nextCursor, label }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined; label: string }) {
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <nav className="cursor-pager" aria-label={label}>
      <button type="button" className="secondary" onClick={pages.previous} disabled={pages.page === 1}>← Newer</button>
      <span className="muted">Page {formatNumber(pages.page)}</span>
      <button type="button" className="secondary" onClick={() => nextCursor && pages.next(nextCursor)} disabled={!nextCursor}>Older →</button>
    </nav>
  );
}
