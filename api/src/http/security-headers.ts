// Security headers on every answer (API, designer files, errors), with Hono's secureHeaders.
// The Content-Security-Policy is the designer's: its build has no inline script, no eval and no
// `new Function` (the browser test checks that it runs with no violation), so scripts come from
// this origin only. Style attributes need 'unsafe-inline': bpmn-js writes them into the markup it
// renders (with `style-src 'self'` alone the browser test sees bpmn-viewer's blocked).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiConfig } from '../config.js';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // Browsers that know style-src-elem still refuse inline <style> elements (none is needed).
  styleSrcElem: ["'self'"],
  // The modeler's icons and fonts are inlined as data: URLs in its CSS; exports are blob: URLs.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(config: Pick<ApiConfig, 'secureCookies'>): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // Only where Baton is served over HTTPS, which Secure cookies say; HSTS means nothing over HTTP.
    strictTransportSecurity: config.secureCookies ? 'max-age=15552000' : false,
  });
}

/** The policy as a header value, with some directives replaced (a framable page's ancestors). */
export function contentSecurityPolicy(overrides: Partial<typeof CONTENT_SECURITY_POLICY> = {}): string {
  return Object.entries({ ...CONTENT_SECURITY_POLICY, ...overrides })
    .map(
      ([directive, values]) =>
        `${directive.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`,
    )
    .join('; ');
}
