/**
 * Changes to a key's authority committed by this process, announced to this process's key caches at once.
 *
 * Other processes hear of a change through the database notification (migration 0009), a few milliseconds after the
 * commit; this process must not wait for it: a key revoked (or an organization suspended) here is refused here by
 * the next request (decision 0024). Announce through `tx.afterCommit`, so nothing is announced that did not commit.
 */
export type KeyChange = { org: string; key?: string };

const listeners = new Set<(change: KeyChange) => void>();

export function announceKeyChange(change: KeyChange): void {
  for (const listener of listeners) listener(change);
}

/** Returns the unsubscribe function. */
export function onKeyChange(listener: (change: KeyChange) => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
