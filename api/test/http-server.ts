// The app on a real HTTP listener (127.0.0.1, a free port), for tests that race real requests:
// app.request() runs a handler in the test's own call stack, a socket does not.
import { serve } from '@hono/node-server';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BatonApp } from '../src/app.js';

export type Served = {
  url: string;
  port: number;
  /** fetch with a bearer token and a JSON body; answers status and parsed body (text if not JSON). */
  call(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
  close(): Promise<void>;
};

export async function serveOnLoopback(app: BatonApp): Promise<Served> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    async call(token, method, path, body, extraHeaders = {}) {
      const headers: Record<string, string> = { ...extraHeaders };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type HttpRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

/**
 * One request through node:http (not fetch), so the caller chooses the agent (keep-alive or
 * not), the client address and the exact bytes; it fails when no full answer came within
 * `timeoutMs`.
 */
export function httpRequest(
  port: number,
  request: HttpRequest,
  options: { agent?: http.Agent; localAddress?: string; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const headers = { ...request.headers };
  // Framed, whatever the method: node:http sends a DELETE's body unframed (no Content-Length, not
  // chunked), which the server reads as the start of the next request.
  if (request.body !== undefined && !('transfer-encoding' in headers) && !('content-length' in headers))
    headers['content-length'] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers,
        ...(options.agent ? { agent: options.agent } : {}),
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    if (options.timeoutMs !== undefined)
      req.setTimeout(options.timeoutMs, () =>
        req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      );
    req.on('error', reject);
    req.end(request.body);
  });
}
