/**
 * A small OpenAI-compatible chat server on loopback, for testing promptfoo providers end to end.
 * `reply` decides what the "model" answers to each request; it can also stall or fail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeReply = { status?: number; content?: string; delayMs?: number };

export interface FakeOpenAi {
  baseUrl: string;
  requests: { messages: { role: string; content: string }[]; model: string }[];
  close(): Promise<void>;
}

export async function startFakeOpenAi(reply: (request: { messages: { role: string; content: string }[] }) => FakeReply): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body || '{}');
      requests.push({ messages: parsed.messages ?? [], model: parsed.model });
      const r = reply(parsed);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
        if ((r.status ?? 200) >= 400) return res.end(JSON.stringify({ error: { message: `fake error ${r.status}` } }));
        res.end(JSON.stringify({
          id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: parsed.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.content ?? '' } }],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        }));
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
