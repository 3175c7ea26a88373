import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldErrorsOf, messageOf, problemFrom, problemOf } from './http.js';

const problemResponse = (body: object, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('problem documents', () => {
  it('keeps the API problem document as it came', async () => {
    const body = {
      type: 'https://baton.dev/problems/validation-failed',
      title: 'The request is not valid',
      status: 422,
      detail: 'body.fields.0.key: too short',
      code: 'validation-failed',
      instance: '/api/ticket-types',
      errors: [{ path: 'body.fields.0.key', message: 'too short', code: 'too_small' }],
    };
    const problem = await problemFrom(problemResponse(body, 422), 'POST /api/ticket-types');
    expect(problem.problem).toEqual(body);
    expect(problem).toMatchObject({ status: 422, route: 'POST /api/ticket-types' });
    expect(problem.message).toBe('body.fields.0.key: too short');
    expect(fieldErrorsOf(problem.problem)).toEqual({ 'fields.0.key': 'too short' });
  });

  it('makes one for an answer that is not a problem document (a proxy, a gateway)', async () => {
    const problem = await problemFrom(
      new Response('gateway down', { status: 502, statusText: 'Bad Gateway' }),
      'GET /api/me',
    );
    expect(problem.problem).toMatchObject({ status: 502, title: 'Bad Gateway', code: 'unexpected-response' });
  });

  it('reads any thrown value as a problem document', () => {
    expect(problemOf(new Error('boom'))).toMatchObject({ title: 'boom', code: 'client-error' });
    const api = new ApiProblem(
      { type: 't', title: 'Conflict', status: 409, detail: 'claimed', code: 'conflict', instance: '/x' },
      'POST /x',
    );
    expect(problemOf(api).code).toBe('conflict');
    expect(messageOf(api)).toBe('Conflict: claimed');
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
