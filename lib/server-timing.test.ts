import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addServerTiming, installServerTiming, serverTimingHeader } from './server-timing';

describe('serverTimingHeader', () => {
  it('writes each figure as a token, a duration in ms and an optional quoted description', () => {
    expect(
      serverTimingHeader([
        { name: 'db', durationMs: 3.14159, description: 'database' },
        { name: 'total', durationMs: 12 },
      ]),
    ).toBe('db;dur=3.1;desc="database", total;dur=12.0');
  });

  it('escapes quotes in descriptions, replaces what a header cannot hold, and drops malformed figures', () => {
    expect(
      serverTimingHeader([
        { name: 'smartpay', durationMs: 1, description: 'say "hi" \\ 決済' },
        { name: 'not a token', durationMs: 1 },
        { name: 'nan', durationMs: Number.NaN },
      ]),
    ).toBe('smartpay;dur=1.0;desc="say \\"hi\\" \\\\ ??"');
  });
});

describe('installServerTiming', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    installServerTiming();
    // Each request adds its own figure after some asynchronous work, the slow one last.
    server = createServer(async (request, response) => {
      const delay = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (delay > 0) addServerTiming({ name: 'work', durationMs: delay });
      await Promise.resolve();
      response.statusCode = 303;
      response.setHeader('Location', '/elsewhere');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the figures added while answering a request in that request\'s answer only', async () => {
    const post = (delay: number) => fetch(`${origin}/?delay=${delay}`, { method: 'POST', redirect: 'manual' });
    const [slow, fast, none] = await Promise.all([post(40), post(5), post(0)]);
    expect(slow.headers.get('server-timing')).toBe('work;dur=40.0');
    expect(fast.headers.get('server-timing')).toBe('work;dur=5.0');
    expect(none.headers.has('server-timing')).toBe(false);
    expect(slow.status).toBe(303);
  });

  it('leaves GETs untouched: pages are never server actions', async () => {
    expect((await fetch(`${origin}/?delay=5`, { redirect: 'manual' })).headers.has('server-timing')).toBe(false);
  });

  it('starts each request on a kept-alive connection with an empty list, whatever was added before', async () => {
    addServerTiming({ name: 'outside', durationMs: 1 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (delay: number) =>
      new Promise<{ timing: string | undefined; socket: unknown }>((resolve, reject) => {
        httpRequest(`${origin}/?delay=${delay}`, { agent, method: 'POST' }, (response) => {
          const socket = response.socket;
          response.resume();
          response.on('end', () => resolve({ timing: response.headers['server-timing'] as string | undefined, socket }));
        })
          .on('error', reject)
          .end();
      });
    const first = await send(5);
    const second = await send(0);
    const third = await send(7);
    agent.destroy();
    expect(first.socket).toBeTruthy();
    expect(second.socket).toBe(first.socket);
    expect(third.socket).toBe(first.socket);
    expect([first.timing, second.timing, third.timing]).toEqual(['work;dur=5.0', undefined, 'work;dur=7.0']);
  });
});
