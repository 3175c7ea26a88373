// The socket's address of a request, for per-client throttling. X-Forwarded-For is not trusted:
// any client can write it.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (e.g. app.request in tests)
  }
};
