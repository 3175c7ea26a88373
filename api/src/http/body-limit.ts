// Caps request bodies before anything reads them: flow XML may be larger than other JSON.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiConfig } from '../config.js';
import type { AppEnv } from './env.js';
import { ApiError } from './problem.js';

const FLOW_XML_PATH = /\/flow(\/validate)?$/;
const BODILESS = new Set(['GET', 'HEAD']);

export function limitBodies(config: ApiConfig): MiddlewareHandler<AppEnv> {
  const limiter = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        // The rest of the body stays unread, and the server drops the socket after answering:
        // saying so keeps a keep-alive client from sending its next request into that socket.
        throw new ApiError('payload-too-large', `the request body is larger than ${maxSize} bytes`, {
          headers: { connection: 'close' },
        });
      },
    });
  const regular = limiter(config.maxBodyBytes);
  const flowXml = limiter(config.maxFlowBodyBytes);
  return async (c, next) => {
    // GET and HEAD carry no body; asking for one would make the Node adapter build a full fetch
    // Request (with an abort signal) for every read.
    if (BODILESS.has(c.req.method)) return next();
    await (FLOW_XML_PATH.test(c.req.path) ? flowXml(c, next) : regular(c, next));
    drainUnread(c.req.raw);
  };
}

/**
 * Reads to its end, in the background, a body within the limit that the answer never read (a
 * refusal before validation: 401, 403, 404). The limit opened the body as a stream, which stops
 * pulling from the socket once its buffer is full, so the Node adapter's own drain stalls and
 * drops the socket after 500 ms: the client's next request on that keep-alive connection would
 * get no answer. The body is at most the limit (larger ones are refused with Connection: close).
 */
function drainUnread(request: Request) {
  if (request.bodyUsed || !request.body) return;
  const reader = request.body.getReader();
  const pump = (): Promise<void> => reader.read().then(({ done }) => (done ? undefined : pump()));
  pump().catch(() => undefined); // the client went away: nothing left to drain
}
