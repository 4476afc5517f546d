import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../sandbox';

/**
 * Test helpers: the sandbox served over real HTTP on a loopback port, as the official SDKs reach
 * Smartpay (used by contract.test.ts and sdk-suite.test.ts).
 */

export interface Listening {
  server: http.Server;
  url: string;
}

export function listen(handler: http.RequestListener): Promise<Listening> {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

export const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Adapts node:http to the sandbox's fetch-style handler (the sandbox is looked up per request, so it can be made after the server listens). */
export function sandboxListener(getSandbox: () => Sandbox): http.RequestListener {
  return (req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const method = req.method ?? 'GET';
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
      });
      const response = await getSandbox().handle(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  };
}
