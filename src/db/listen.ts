import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import type { Db } from './db.ts';

export type Listener = {
  /** A notification's payload. */
  onNotify(payload: string): void;
  /**
   * false: notifications may be missed from now on (the connection is lost or not yet listening); true: listening
   * again. A listener that keeps state derived from notifications must distrust it between the two.
   */
  onListening(listening: boolean): void;
};

export type Listening = { stop(): Promise<void> };

const RECONNECT_MS = 1000;

/**
 * LISTEN on `channel`. PGlite is one in-process session: its callbacks run when the notifying statement (or its
 * transaction) returns. On PostgreSQL, LISTEN belongs to a session, so it gets a connection of its own beside the
 * pool, reopened every second after a loss; `onListening(false)` reports each gap.
 */
export function listen(db: Db, channel: string, listener: Listener, log: Logger): Listening {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const { pglite, pool } = db as Db & { pglite?: PGlite; pool?: pg.Pool };
  if (pglite) {
    const unlisten = pglite.listen(channel, listener.onNotify).then((stop) => { listener.onListening(true); return stop; });
    return { async stop() { await (await unlisten)(); } };
  }
  if (!pool) throw new Error('listen: the database is neither PGlite nor a pg pool');

  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const lost = (err: unknown) => {
    listener.onListening(false);
    const gone = client;
    client = null;
    gone?.removeAllListeners();
    gone?.on('error', () => {}); // late errors of the abandoned connection
    gone?.end().catch(() => {});
    if (stopped) return;
    log.warn({ err, channel }, 'database notifications lost: reconnecting');
    retry = setTimeout(connect, RECONNECT_MS);
  };
  const connect = () => {
    retry = null;
    const c = new pg.Client(pool.options);
    client = c;
    // Each loss is handled once, for the current connection only: a failed connect can report both ways.
    c.on('error', (err) => { if (client === c) lost(err); });
    c.on('end', () => { if (client === c) lost(new Error('connection ended')); });
    c.on('notification', (n) => { if (n.channel === channel) listener.onNotify(n.payload ?? ''); });
    c.connect()
      .then(() => c.query(`LISTEN ${channel}`))
      .then(() => { if (client === c && !stopped) listener.onListening(true); }, (err) => { if (client === c) lost(err); });
  };
  listener.onListening(false);
  connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      c?.removeAllListeners();
      c?.on('error', () => {});
      await c?.end().catch(() => {});
    },
  };
}
