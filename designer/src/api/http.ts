// The one way the designer talks to the API: JSON over fetch with the session cookie, and every
// failure turned into an ApiProblem built from the RFC 9457 problem+json body.

export type FieldError = { field: string; message: string };

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly code: string | undefined,
    readonly fieldErrors: FieldError[],
    readonly route: string,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

/** Field errors come as `errors: [{ field|path|pointer, message }]` or `{ field: message }`. */
export function fieldErrorsOf(body: unknown): FieldError[] {
  if (typeof body !== 'object' || body === null) return [];
  const raw =
    (body as { errors?: unknown; fields?: unknown }).errors ?? (body as { fields?: unknown }).fields;
  if (Array.isArray(raw)) {
    return raw.flatMap((entry): FieldError[] => {
      if (typeof entry !== 'object' || entry === null) return [];
      const e = entry as Record<string, unknown>;
      const where = e.field ?? e.path ?? e.pointer ?? e.name;
      const raw = Array.isArray(where)
        ? where.join('.')
        : String(where ?? '')
            .replace(/^#?\//, '')
            .replaceAll('/', '.');
      // The API names request-body fields `body.<path>`; forms know them by `<path>`.
      const field = raw.replace(/^body\./, '');
      return [{ field, message: String(e.message ?? e.detail ?? 'invalid') }];
    });
  }
  if (typeof raw === 'object' && raw !== null) {
    return Object.entries(raw).map(([field, message]) => ({
      field,
      message: Array.isArray(message) ? message.join('; ') : String(message),
    }));
  }
  return [];
}

export async function problemFrom(response: Response, route: string): Promise<ApiProblem> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const title = typeof b.title === 'string' ? b.title : response.statusText || `HTTP ${response.status}`;
  const detail =
    typeof b.detail === 'string' ? b.detail : typeof b.message === 'string' ? b.message : undefined;
  const code = typeof b.code === 'string' ? b.code : undefined;
  return new ApiProblem(response.status, title, detail, code, fieldErrorsOf(body), route);
}

export const UNAUTHENTICATED_EVENT = 'baton:unauthenticated';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const route = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiProblem(0, 'The server cannot be reached', String(err), 'network', [], route);
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
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** A message for a person, from anything a request can throw. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiProblem) return err.detail ? `${err.title}: ${err.detail}` : err.title;
  return err instanceof Error ? err.message : String(err);
}
