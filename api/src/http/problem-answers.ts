// A route's error answer that can carry several problems at one status, each named in the
// document, so a client tells them apart by `type` (or `code`), never by the detail's text.
import { ProblemSchema, z } from './openapi.js';
import { problemType, type ProblemCode } from './problem.js';

/** Overrides the shared answer of one status in a route's `responses`. */
export const problemsAnswer = (description: string, codes: readonly [ProblemCode, ...ProblemCode[]]) => ({
  description,
  content: {
    'application/problem+json': {
      schema: ProblemSchema.extend({ type: z.enum(codes.map(problemType)), code: z.enum(codes) }),
    },
  },
});
