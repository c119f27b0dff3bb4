/** The model-server check reaches only loopback and private addresses, once, with a short timeout. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkServer, collectServers, isPrivateAddress } from '../../../server/providers/private-servers.ts';

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.0.0.5', '172.16.3.4', '172.31.255.1', '192.168.1.10', '::1', 'fd12:3456::1', '::ffff:10.1.2.3'])('%s is private', (a) => {
    expect(isPrivateAddress(a)).toBe(true);
  });
  it.each(['8.8.8.8', '172.32.0.1', '169.254.169.254', '100.64.0.1', 'fe80::1', '2001:db8::1', 'localhost'])('%s is not', (a) => {
    expect(isPrivateAddress(a)).toBe(false);
  });
});

describe('checkServer', () => {
  it('does not contact a public or link-local address', async () => {
    for (const url of ['http://8.8.8.8/v1', 'http://169.254.169.254/latest', 'ftp://10.0.0.1/']) {
      const r = await checkServer(url, 200);
      expect(r).toMatchObject({ checked: false, answers: false });
      expect(r.ms).toBeLessThan(100);
    }
  });

  it('asks a loopback server for /models once, follows no redirect, and gives up after the timeout', async () => {
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push(req.url ?? '');
      if (req.url?.startsWith('/slow')) return; // never answers
      res.writeHead(302, { location: 'http://8.8.8.8/' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await checkServer(`http://127.0.0.1:${port}/v1`)).toMatchObject({ checked: true, answers: true, status: 302 });
      const slow = await checkServer(`http://localhost:${port}/slow`, 300);
      expect(slow).toMatchObject({ checked: true, answers: false });
      expect(slow.error).toMatch(/no answer within 300 ms/);
      expect(paths).toEqual(['/v1/models', '/slow/models']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('collectServers', () => {
  it('lists each promptfoo server once with where it is used, and skips other writers', () => {
    const servers = collectServers([
      { provider: { type: 'promptfoo', id: 'openai:chat:q', config: { apiBaseUrl: 'http://10.0.0.5:8000/v1' } }, where: 'release #2 (production)' },
      { provider: { type: 'promptfoo', id: 'openai:chat:q', config: { apiBaseUrl: 'http://10.0.0.5:8000/v1' } }, where: 'evaluation runs' },
      { provider: { type: 'promptfoo', id: 'openai:chat:q', config: { apiBaseUrl: 'http://10.0.0.5:8000/v1' } }, where: 'evaluation runs' },
      { provider: { type: 'template' }, where: 'release #1 (retired)' },
      { provider: { type: 'promptfoo', id: 'openai:chat:gpt', config: { apiBaseUrl: 'https://api.example.com/v1' } }, where: 'evaluation runs' },
    ]);
    expect(servers).toEqual([
      { provider_id: 'openai:chat:q', base_url: 'http://10.0.0.5:8000/v1', used_by: ['release #2 (production)', 'evaluation runs'], private: true },
      { provider_id: 'openai:chat:gpt', base_url: 'https://api.example.com/v1', used_by: ['evaluation runs'], private: false },
    ]);
  });
});
