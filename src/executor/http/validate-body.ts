import type { z } from 'zod';
import { ApiProblem } from './problem.ts';

/** Parses a request body with the contract's zod schema; a 400 in the error shape lists what is wrong. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ApiProblem(
    400,
    'invalid-body',
    'The request body does not have the documented shape.',
    parsed.error.issues.slice(0, 50).map((issue) => ({
      ...(issue.path.length === 0 ? {} : { field: issue.path.join('.') }),
      code: issue.code,
      message: issue.message,
    })),
  );
}
