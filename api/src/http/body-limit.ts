// Caps request bodies before anything reads them: flow XML may be larger than other JSON.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiConfig } from '../config.js';
import type { AppEnv } from './env.js';
import { ApiError } from './problem.js';

const FLOW_XML_PATH = /\/flow(\/validate)?$/;

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
  return (c, next) => (FLOW_XML_PATH.test(c.req.path) ? flowXml(c, next) : regular(c, next));
}
