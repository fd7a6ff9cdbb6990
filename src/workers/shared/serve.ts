import type { z } from 'zod';
import type { WorkerScope } from './worker-scope.ts';

/** How a worker serves its requests. */
export interface ServeOptions<Request> {
  /** Every message is validated by this schema before it is handled. */
  schema: z.ZodType<Request, unknown>;
  handle: (request: Request) => void;
  /** The answer posted for a message that is not a valid request, or could not be read at all. */
  failure: (message: string) => unknown;
  /** What to say when a message could not be deserialised (e.g. its profiles could not be copied). */
  unreadable: string;
}

/**
 * Serves requests in a worker: each message is checked against the schema and handed on, and
 * a message that is invalid or could not be deserialised is answered with a failure rather than
 * left unanswered, so the page never waits for ever.
 */
export function serve<Request>(scope: WorkerScope, options: ServeOptions<Request>): void {
  scope.onmessageerror = () => scope.postMessage(options.failure(options.unreadable));
  scope.onmessage = (event: MessageEvent) => {
    const parsed = options.schema.safeParse(event.data);
    if (!parsed.success) {
      scope.postMessage(
        options.failure(`invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}`),
      );
      return;
    }
    options.handle(parsed.data);
  };
}
