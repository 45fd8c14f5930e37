import { connect, type Socket } from 'node:net';

/**
 * A client for clamd's socket protocol (ClamAV's daemon, or anything speaking it). Each call opens its own
 * connection, as clamd expects one command per connection outside IDSESSION. Commands use the `z` form
 * (NUL-terminated), so a reply is complete at its NUL. The bytes go as INSTREAM chunks, each prefixed with
 * its length as a 4-byte big-endian integer, ended by a zero-length chunk.
 */
export type ClamdTarget = { host: string; port: number } | { path: string };

export type ScanResult =
  | { verdict: 'clean' }
  | { verdict: 'infected'; signature: string }
  /** Larger than clamd's StreamMaxLength: clamd stops reading and says so. */
  | { verdict: 'too_large' }
  | { verdict: 'unavailable'; reason: string };

// clamd's own reads are 8 KiB at a time; 64 KiB chunks keep the per-chunk overhead small.
const CHUNK_BYTES = 64 * 1024;

/** Sends the bytes with INSTREAM and reads clamd's verdict. Never throws: an unreachable or confused scanner is `unavailable`. */
export async function clamdScan(target: ClamdTarget, bytes: Uint8Array, timeoutMs: number): Promise<ScanResult> {
  let reply: string;
  try {
    reply = await converse(target, timeoutMs, async (socket) => {
      await write(socket, Buffer.from('zINSTREAM\0'));
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
        const chunk = bytes.subarray(offset, Math.min(offset + CHUNK_BYTES, bytes.length));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        await write(socket, length);
        await write(socket, chunk);
      }
      await write(socket, Buffer.alloc(4));
    });
  } catch (error) {
    return { verdict: 'unavailable', reason: (error as Error).message };
  }
  return parseScanReply(reply);
}

/** clamd's replies to INSTREAM: `stream: OK`, `stream: <signature> FOUND`, or `<message> ERROR`. */
export function parseScanReply(reply: string): ScanResult {
  if (reply === 'stream: OK') return { verdict: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { verdict: 'infected', signature: found[1]! };
  if (/size limit exceeded/i.test(reply)) return { verdict: 'too_large' };
  return { verdict: 'unavailable', reason: reply ? `clamd answered "${reply.slice(0, 200)}"` : 'clamd closed the connection without an answer' };
}

/** Readiness: clamd answers PING with PONG. Throws when it does not, within the timeout. */
export async function clamdPing(target: ClamdTarget, timeoutMs: number): Promise<void> {
  const reply = await converse(target, timeoutMs, (socket) => write(socket, Buffer.from('zPING\0')));
  if (reply !== 'PONG') throw new Error(`clamd answered PING with "${reply.slice(0, 200)}"`);
}

/** Parses CLAMD_URL: tcp://host:port, or unix:///path/to/clamd.sock. */
export function parseClamdUrl(url: string): ClamdTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'unix:' && parsed.pathname.length > 1) return { path: decodeURIComponent(parsed.pathname) };
  const port = Number(parsed.port);
  if (parsed.protocol !== 'tcp:' || !parsed.hostname || !Number.isInteger(port) || port < 1) return null;
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
}

/**
 * One command on one connection: resolves with the reply up to its NUL (or to the end of the connection).
 * clamd may answer before it has read everything (the size limit) and close; a write that fails after a
 * reply arrived is that case, not an outage.
 */
function converse(target: ClamdTarget, timeoutMs: number, send: (socket: Socket) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(target);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      if (error && text.length === 0) reject(error);
      else resolve(text.split('\0')[0]!.trim());
    };
    const timer = setTimeout(() => finish(new Error(`clamd did not answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (data) => {
      chunks.push(data);
      if (data.includes(0)) finish(null);
    });
    socket.on('end', () => finish(chunks.length ? null : new Error('clamd closed the connection without an answer')));
    socket.on('error', (error) => finish(error));
    socket.once('connect', () => {
      send(socket).catch((error: Error) => {
        // A failed write surfaces as the socket's 'error' too; wait for a reply that may already be on its way.
        if (!socket.destroyed) socket.end();
        setTimeout(() => finish(error), 50);
      });
    });
  });
}

function write(socket: Socket, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) {
      reject(new Error('clamd closed the connection'));
      return;
    }
    const ok = socket.write(data, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else {
      const onDrain = () => { socket.off('close', onClose); resolve(); };
      const onClose = () => { socket.off('drain', onDrain); reject(new Error('clamd closed the connection')); };
      socket.once('drain', onDrain);
      socket.once('close', onClose);
    }
  });
}
