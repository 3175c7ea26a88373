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
        throw new ApiError('payload-too-large', `the request body is larger than ${maxSize} bytes`);
      },
    });
  const regular = limiter(config.maxBodyBytes);
  const flowXml = limiter(config.maxFlowBodyBytes);
  return (c, next) => {
    // GET and HEAD carry no body; asking for one would make the Node adapter build a full fetch
    // Request (with an abort signal) for every read.
    if (BODILESS.has(c.req.method)) return next();
    return FLOW_XML_PATH.test(c.req.path) ? flowXml(c, next) : regular(c, next);
  };
}
