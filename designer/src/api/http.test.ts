import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, problemFrom } from './http.js';

describe('problem+json', () => {
  it('reads title, detail, code and field errors', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Invalid request',
        status: 422,
        detail: 'name is required',
        code: 'validation',
        errors: [{ path: 'body.fields.0.key', message: 'too short' }],
      }),
      { status: 422, headers: { 'content-type': 'application/problem+json' } },
    );
    const problem = await problemFrom(response, 'POST /api/ticket-types');
    expect(problem).toMatchObject({
      status: 422,
      title: 'Invalid request',
      detail: 'name is required',
      code: 'validation',
      route: 'POST /api/ticket-types',
    });
    expect(problem.fieldErrors).toEqual([{ field: 'fields.0.key', message: 'too short' }]);
    expect(problem.message).toBe('name is required');
  });
  it('copes with a body that is not JSON', async () => {
    const problem = await problemFrom(
      new Response('gateway down', { status: 502, statusText: 'Bad Gateway' }),
      'GET /api/me',
    );
    expect(problem).toMatchObject({ status: 502, title: 'Bad Gateway', fieldErrors: [] });
  });
  it('accepts field errors as pointers or as a map', () => {
    expect(fieldErrorsOf({ errors: [{ pointer: '#/defaults/priority', detail: 'unknown' }] })).toEqual([
      { field: 'defaults.priority', message: 'unknown' },
    ]);
    expect(fieldErrorsOf({ errors: { name: ['required', 'too long'] } })).toEqual([
      { field: 'name', message: 'required; too long' },
    ]);
    expect(fieldErrorsOf(null)).toEqual([]);
  });
});
