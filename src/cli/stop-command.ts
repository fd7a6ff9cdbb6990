import { apiErrorSchema, journeyStatusSchema } from '../domain/contract/backend-contract.ts';
import { stringFlag, type ParsedArgs } from './args.ts';
import { CliError, EXIT, type CliIo } from './io.ts';

/** How long the backend may take to answer before the command gives up. */
const TIMEOUT_MS = 30_000;

/** The access token comes from the environment, never a flag (it would land in shell history). */
export const TOKEN_VARIABLE = 'WAYFINDER_TOKEN';

/**
 * `wayfinder stop JOURNEY_ID --backend URL`: stops a live journey on an execution backend (POST
 * /journeys/{journeyId}/stop): no new entries, and every run in flight ends now. Stopping again
 * is harmless. Exit 0 stopped, 1 refused by the backend, 2 bad usage or no answer.
 */
export async function stopCommand(
  args: ParsedArgs,
  io: CliIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const journeyId = args.positionals[1];
  const backend = stringFlag(args, 'backend');
  if (journeyId === undefined || backend === undefined)
    throw new CliError('stop needs a JOURNEY_ID and --backend URL', EXIT.unreadable);
  let base: URL;
  try {
    base = new URL(backend.endsWith('/') ? backend : `${backend}/`);
  } catch {
    throw new CliError(`--backend needs a URL, got "${backend}"`, EXIT.unreadable);
  }
  const url = new URL(`journeys/${encodeURIComponent(journeyId)}/stop`, base);
  const token = env[TOKEN_VARIABLE] ?? '';
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: token === '' ? {} : { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    // Told apart by the error's kind (a timeout aborts with a TimeoutError), never its text.
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new CliError(
      timedOut
        ? `the backend at ${base.origin} did not answer within ${TIMEOUT_MS / 1000} s; the journey may not be stopped (stopping again is safe)`
        : `could not reach the backend at ${base.origin} (refused, unknown host or connection lost); the journey may not be stopped (stopping again is safe)`,
      EXIT.unreadable,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const status = journeyStatusSchema.safeParse(body);
    if (!status.success)
      throw new CliError(
        'the backend answered with something that is not a journey status',
        EXIT.unreadable,
      );
    const since = status.data.stoppedAt ?? null;
    io.stdout(
      `${journeyId}: ${status.data.state}${since === null ? '' : ` since ${since}`}, ${status.data.activeProfiles} profiles still inside\n`,
    );
    return status.data.state === 'stopped' ? EXIT.ok : EXIT.invalid;
  }
  const problem = apiErrorSchema.safeParse(body);
  const said = problem.success ? `${problem.data.error.code}: ${problem.data.error.message}` : '';
  io.stderr(
    `wayfinder: the backend refused to stop ${journeyId} (${response.status}${said === '' ? '' : `, ${said}`})\n`,
  );
  return response.status >= 500 ? EXIT.unreadable : EXIT.invalid;
}
