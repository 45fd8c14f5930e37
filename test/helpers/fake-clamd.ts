import { createServer, type Server, type Socket } from 'node:net';

/**
 * A stand-in for ClamAV's clamd, speaking its socket protocol as clamd does: commands in the `z` (NUL-ended)
 * and `n` (newline-ended) forms; PING → PONG; VERSION; INSTREAM with 4-byte big-endian length-prefixed chunks
 * ended by a zero-length chunk, answered `stream: OK` or `stream: <name> FOUND`, and `INSTREAM size limit
 * exceeded. ERROR` (then the connection is dropped) past StreamMaxLength. Real ClamAV cannot run here (its
 * signatures need the internet), so its only signature is the EICAR test file, which every antivirus
 * detects by design.
 */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!', '$H+H*'].join('');

export type FakeClamd = {
  url: string;
  port: number;
  /** Streams scanned (INSTREAM commands completed), and their sizes. */
  scans: number[];
  /** 'hang': accept connections and never answer, to exercise timeouts. */
  mode: 'normal' | 'hang';
  stop(): Promise<void>;
};

export async function startFakeClamd(options: { streamMaxLength?: number; port?: number } = {}): Promise<FakeClamd> {
  const streamMaxLength = options.streamMaxLength ?? 25 * 1024 * 1024;
  const sockets = new Set<Socket>();
  const fake: FakeClamd = {
    url: '', port: 0, scans: [], mode: 'normal',
    stop: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let state: { kind: 'command' } | { kind: 'stream'; end: string; chunks: Buffer[]; size: number } = { kind: 'command' };

    socket.on('data', (data) => {
      if (fake.mode === 'hang') return;
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (state.kind === 'command') {
          const zero = buffer.indexOf(0);
          const newline = buffer.indexOf(10);
          const form = buffer[0] === 0x7a /* z */ ? '\0' : buffer[0] === 0x6e /* n */ ? '\n' : null;
          const end = form === '\0' ? zero : form === '\n' ? newline : -1;
          if (form === null && buffer.length > 0) {
            socket.end('UNKNOWN COMMAND\n');
            return;
          }
          if (end < 0) return;
          const command = buffer.subarray(1, end).toString('latin1');
          buffer = buffer.subarray(end + 1);
          if (command === 'PING') socket.end(`PONG${form}`);
          else if (command === 'VERSION') socket.end(`ClamAV 1.4.2/27000/fake${form}`);
          else if (command === 'INSTREAM') state = { kind: 'stream', end: form!, chunks: [], size: 0 };
          else socket.end(`UNKNOWN COMMAND${form}`);
          if (state.kind === 'command') return;
          continue;
        }
        if (buffer.length < 4) return;
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const stream = Buffer.concat(state.chunks);
          fake.scans.push(stream.length);
          const found = stream.includes(EICAR) ? 'stream: Eicar-Signature FOUND' : 'stream: OK';
          socket.end(`${found}${state.end}`);
          return;
        }
        if (state.size + length > streamMaxLength) {
          // clamd answers and closes at once, without reading the rest of what the client is still sending.
          socket.write(`INSTREAM size limit exceeded. ERROR${state.end}`, () => socket.destroy());
          return;
        }
        if (buffer.length < 4 + length) return;
        state.chunks.push(buffer.subarray(4, 4 + length));
        state.size += length;
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  fake.port = typeof address === 'object' && address ? address.port : 0;
  fake.url = `tcp://127.0.0.1:${fake.port}`;
  return fake;
}
