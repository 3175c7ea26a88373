// Holds an answer to the schema its route declares in the OpenAPI document: the body must parse,
// and parsing must keep every field (a z.object drops what it does not declare), so a field the
// API sends but the document leaves out, or declares as something else, is named by its path.
// The API does not check its answers at run time; the harness checks every answer of the tests.
import type { z } from 'zod';
import type { BatonApp } from '../src/app.js';

type DeclaredRoute = { method: string; pattern: RegExp; path: string; responses: Record<string, unknown> };

const routesOf = new WeakMap<BatonApp, DeclaredRoute[]>();

function declaredRoutes(app: BatonApp): DeclaredRoute[] {
  let routes = routesOf.get(app);
  if (!routes) {
    routes = app.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route'
        ? [
            {
              method: d.route.method.toUpperCase(),
              path: d.route.path,
              pattern: new RegExp(`^${d.route.path.replaceAll(/\{[^}]+\}/g, '[^/]+')}$`),
              responses: d.route.responses as Record<string, unknown>,
            },
          ]
        : [],
    );
    routesOf.set(app, routes);
  }
  return routes;
}

/** The zod schema of a route's JSON answer with that status, if the route declares one. */
function declaredSchema(app: BatonApp, method: string, url: string, status: number) {
  const path = new URL(url, 'http://api.test').pathname;
  // A literal segment beats a parameter: `/tasks/mine` is not `/tasks/{id}`.
  const route = declaredRoutes(app)
    .filter((r) => r.method === method.toUpperCase() && r.pattern.test(path))
    .sort((a, b) => a.path.split('{').length - b.path.split('{').length)[0];
  const answer = route?.responses[String(status)] as
    { content?: { 'application/json'?: { schema?: z.ZodType } } } | undefined;
  const schema = answer?.content?.['application/json']?.schema;
  return route && schema ? { route: `${route.method} ${route.path}`, schema } : undefined;
}

/** Where `kept` (the parsed body) lost or changed what `sent` holds. */
function lost(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((item, i) => lost(item, kept[i], `${at}[${i}]`));
  if (sent && typeof sent === 'object' && kept && typeof kept === 'object') {
    const keptFields = kept as Record<string, unknown>;
    return Object.entries(sent).flatMap(([key, value]) =>
      key in keptFields ? lost(value, keptFields[key], `${at}.${key}`) : [`${at}.${key}: not declared`],
    );
  }
  return Object.is(sent, kept)
    ? []
    : [`${at}: sent ${JSON.stringify(sent)}, declared as ${JSON.stringify(kept)}`];
}

/**
 * What is wrong with a JSON answer against its route's declared schema: the schema's complaints,
 * then the fields it does not declare. Empty when it conforms or the route declares no JSON answer.
 */
export function undeclaredIn(app: BatonApp, method: string, url: string, status: number, body: unknown) {
  const declared = declaredSchema(app, method, url, status);
  if (!declared) return [];
  const parsed = declared.schema.safeParse(body);
  const complaints = parsed.success
    ? lost(body, parsed.data, 'body')
    : parsed.error.issues.map((i) => `body.${i.path.join('.')}: ${i.message}`);
  return complaints.map((c) => `${declared.route} ${status}: ${c}`);
}

/** The response, after checking a JSON answer against its declared schema (throws naming each field). */
export async function checkedAnswer(app: BatonApp, method: string, url: string, response: Response) {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) return response;
  const body: unknown = await response.clone().json();
  const complaints = undeclaredIn(app, method, url, response.status, body);
  if (complaints.length > 0)
    throw new Error(`the answer does not match the OpenAPI document:\n${complaints.join('\n')}`);
  return response;
}
