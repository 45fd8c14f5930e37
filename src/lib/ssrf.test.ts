import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressVerdict, checkOutboundUrl, safeFetch, type OutboundPolicy } from './ssrf.ts';

// A DNS that knows nothing: names must never reach the machine's resolver in these tests.
const noDns = async (hostname: string) => { throw Object.assign(new Error(`unexpected lookup of ${hostname}`), { code: 'ENOTFOUND' }); };
const strict: OutboundPolicy = { allowLoopback: false, requireHttps: false, allowedPorts: [], lookup: noDns };
const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('checkOutboundUrl refuses internal destinations', () => {
  const refused = [
    'http://127.0.0.1/', 'http://127.0.0.2:8080/x', 'http://localhost/', 'http://LOCALHOST./', 'http://api.localhost/',
    'http://0.0.0.0/', 'http://0/', 'http://[::]/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/', 'http://[::ffff:0:127.0.0.1]/', 'http://[64:ff9b::127.0.0.1]/', 'http://[64:ff9b::a9fe:a9fe]/',
    'http://2130706433/', 'http://0x7f.1/', 'http://0x7f000001/', 'http://017700000001/', 'http://127.1/', 'http://0177.0.0.1/',
    'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://metadata.google.internal/computeMetadata/v1/',
    'http://metadata/', 'http://100.64.0.1/', 'http://100.100.100.200/', 'http://10.0.0.1/', 'http://172.16.0.1/',
    'http://172.31.255.255/', 'http://192.168.1.1/', 'http://[fe80::1]/', 'http://[fc00::1]/', 'http://224.0.0.1/',
    'http://255.255.255.255/', 'http://240.0.0.1/', 'http://192.0.0.192/', 'http://198.18.0.1/', 'http://[ff02::1]/',
    'http://[2002:7f00:1::]/', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'http://[64:ff9b:1::a00:1]/',
    'http://user:pass@example.com/', 'file:///etc/passwd', 'gopher://example.com:70/', 'ftp://example.com/', 'not a url',
  ];
  it.each(refused)('%s', async (url) => {
    const result = await checkOutboundUrl(url, strict);
    expect(result.ok, JSON.stringify(result)).toBe(false);
  });

  it('refuses a public-looking name that resolves to a private address', async () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '::1', '::ffff:192.168.0.1', 'fd12::1', '100.64.1.1']) {
      const result = await checkOutboundUrl('https://hooks.example.com/in', { ...strict, lookup: resolvesTo(address) });
      expect(result.ok, address).toBe(false);
    }
  });

  it('refuses a name whose answers mix public and private addresses (rebinding)', async () => {
    const result = await checkOutboundUrl('https://rebind.example.com/', { ...strict, lookup: resolvesTo('93.184.216.34', '127.0.0.1') });
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses a name that does not resolve', async () => {
    expect(await checkOutboundUrl('https://nowhere.example.com/', strict)).toMatchObject({ ok: false });
  });

  it('allows public addresses, literal or resolved, and pins the resolved one', async () => {
    expect(await checkOutboundUrl('https://93.184.216.34/hook', strict)).toMatchObject({ ok: true, address: '93.184.216.34' });
    expect(await checkOutboundUrl('https://[2606:4700::1111]/', strict)).toMatchObject({ ok: true, family: 6 });
    expect(await checkOutboundUrl('https://[64:ff9b::808:808]/', strict)).toMatchObject({ ok: true });
    const named = await checkOutboundUrl('https://hooks.example.com/in', { ...strict, lookup: resolvesTo('8.8.4.4', '2001:4860:4860::8844') });
    expect(named).toMatchObject({ ok: true, hostname: 'hooks.example.com', address: '8.8.4.4', family: 4 });
  });

  it('enforces https and a port allowlist when configured', async () => {
    expect(await checkOutboundUrl('http://93.184.216.34/', { ...strict, requireHttps: true })).toMatchObject({ ok: false });
    expect(await checkOutboundUrl('https://93.184.216.34:22/', { ...strict, allowedPorts: [443, 8443] })).toMatchObject({ ok: false });
    expect(await checkOutboundUrl('https://93.184.216.34:8443/', { ...strict, allowedPorts: [443, 8443] })).toMatchObject({ ok: true });
  });

  it('lets loopback through only when allowed, and nothing else private', async () => {
    const dev = { ...strict, allowLoopback: true };
    expect(await checkOutboundUrl('http://127.0.0.1:3000/', dev)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl('http://[::1]:3000/', dev)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl('http://localhost:3000/', { ...dev, lookup: resolvesTo('127.0.0.1') })).toMatchObject({ ok: true });
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/', 'http://0.0.0.0/', 'http://[::]/', 'http://192.168.0.1/']) {
      expect((await checkOutboundUrl(url, dev)).ok, url).toBe(false);
    }
  });
});

describe('every private IPv4 address is refused in every spelling (property)', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const privateV4 = fc.oneof(
    fc.tuple(fc.constant(10), octet, octet, octet),
    fc.tuple(fc.constant(127), octet, octet, octet),
    fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
    fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
    fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
    fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
    fc.tuple(fc.constant(0), octet, octet, octet),
  );
  const spellings = (o: number[]) => {
    const n = ((o[0]! << 24) >>> 0) + (o[1]! << 16) + (o[2]! << 8) + o[3]!;
    const hex = (x: number) => x.toString(16);
    return [
      o.join('.'), String(n), '0x' + hex(n), '0' + n.toString(8), o.map((x) => '0x' + hex(x)).join('.'),
      `[::ffff:${o.join('.')}]`, `[::ffff:${hex((o[0]! << 8) + o[1]!)}:${hex((o[2]! << 8) + o[3]!)}]`, `[64:ff9b::${o.join('.')}]`,
    ];
  };
  it('decimal, hex, octal, dotted-hex, IPv4-mapped and NAT64 forms', async () => {
    await fc.assert(fc.asyncProperty(privateV4, async (o) => {
      for (const host of spellings(o)) {
        const result = await checkOutboundUrl(`http://${host}/`, strict);
        if (result.ok) throw new Error(`${host} was allowed`);
      }
    }), { numRuns: 300 });
  });

  it('addressVerdict agrees: only public unicast passes', () => {
    fc.assert(fc.property(privateV4, (o) => !addressVerdict(o.join('.'), { allowLoopback: false }).ok));
  });
});

describe('safeFetch connects to the checked address and never follows redirects', () => {
  let server: Server;
  let port: number;
  const seen: IncomingMessage[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.headers.host}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('resolves once and connects to that answer, whatever DNS says next (rebinding)', async () => {
    let lookups = 0;
    const rebinding = async () => {
      lookups += 1;
      return [{ address: lookups === 1 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    };
    const result = await safeFetch(`http://hooks.rebind.test:${port}/in`, {}, { ...strict, allowLoopback: true, lookup: rebinding });
    expect(result).toMatchObject({ ok: true, status: 200, address: '127.0.0.1' });
    if (result.ok) expect(result.body.toString()).toBe(`hello hooks.rebind.test:${port}`);
    expect(lookups).toBe(1);
  });

  it('refuses before connecting when the address is not allowed', async () => {
    const before = seen.length;
    const result = await safeFetch(`http://127.0.0.1:${port}/`, {}, strict);
    expect(result).toMatchObject({ ok: false, kind: 'blocked' });
    expect(seen.length).toBe(before);
  });

  it('returns a 3xx as it is, without requesting its Location', async () => {
    const before = seen.length;
    const result = await safeFetch(`http://127.0.0.1:${port}/redirect`, { method: 'POST', body: '{}' }, { ...strict, allowLoopback: true });
    expect(result).toMatchObject({ ok: true, status: 302 });
    expect(seen.length).toBe(before + 1);
  });

  it('times out on a receiver that does not answer', async () => {
    const silent = createServer(() => { /* never answers */ });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    const result = await safeFetch(`http://127.0.0.1:${silentPort}/`, { timeoutMs: 300 }, { ...strict, allowLoopback: true });
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });
});
