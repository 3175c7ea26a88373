// The one way the designer talks to the API: JSON over fetch with the session cookie, and every
// failure an ApiProblem carrying an RFC 9457 problem document (api/src/http/problem.ts).
import type { Problem } from './types.js';

export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly route: string,
  ) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblem';
  }
  get status(): number {
    return this.problem.status;
  }
}

/**
 * A problem document made in the browser for failures that never reached the API's error
 * handler: the network, a proxy's non-problem answer, or a bug in the designer itself.
 */
const browserProblem = (
  status: number,
  title: string,
  detail: string,
  code: string,
  instance = '',
): Problem => ({
  type: 'about:blank',
  title,
  status,
  detail,
  code,
  instance,
});

const isProblemResponse = (response: Response) =>
  (response.headers.get('content-type') ?? '').startsWith('application/problem+json');

export async function problemFrom(response: Response, route: string): Promise<ApiProblem> {
  if (isProblemResponse(response)) return new ApiProblem((await response.json()) as Problem, route);
  const title = response.statusText || `HTTP ${response.status}`;
  return new ApiProblem(
    browserProblem(
      response.status,
      title,
      `${route} answered without a problem document`,
      'unexpected-response',
    ),
    route,
  );
}

/** The problem document of anything a request (or the code around it) can throw. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiProblem) return err.problem;
  return browserProblem(0, err instanceof Error ? err.message : String(err), '', 'client-error');
}

/** The form field a field error names: the API names request-body fields `body.<path>`. */
export const formField = (path: string) => path.replace(/^body\./, '');

/** A problem's field errors keyed by form field. */
export function fieldErrorsOf(problem: Problem | null): Record<string, string> {
  return Object.fromEntries((problem?.errors ?? []).map((e) => [formField(e.path), e.message]));
}

/** A message for a person, from anything a request can throw. */
export function messageOf(err: unknown): string {
  const { title, detail } = problemOf(err);
  return detail ? `${title}: ${detail}` : title;
}

export const UNAUTHENTICATED_EVENT = 'baton:unauthenticated';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  /** Sent as `Idempotency-Key`: a repeat of the same request with it changes nothing (see README). */
  idempotencyKey?: string;
};

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const route = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiProblem(
      browserProblem(0, 'The server cannot be reached', String(err), 'network', path),
      route,
    );
  }
  if (!response.ok) {
    // An expired session anywhere sends the user back to the login page (see main.ts).
    if (response.status === 401 && !path.startsWith('/api/auth/') && path !== '/api/me') {
      window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    }
    throw await problemFrom(response, route);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
