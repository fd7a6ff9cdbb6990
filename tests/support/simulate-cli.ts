import { email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { runCli, type RunCliIo } from './run-cli.ts';

/** The journey the CLI's simulate tests run: a sign-up event, then a welcome email. */
export const SIGN_UP_JOURNEY = journeyOf(
  'cli-journey',
  'Signed up',
  [
    ['t', 'event', onEvent('signed_up')],
    ['m', 'email', email('Welcome')],
  ],
  [['t', 'next', 'm']],
);

/**
 * Runs `wayfinder simulate journey.json …argv` in /ci, where journey.json is
 * {@link SIGN_UP_JOURNEY} and `files` (by absolute path, or `-` for standard input) hold text as
 * UTF-8 or bytes; any other file is missing (ENOENT). `now` stands in for the clock.
 */
export function simulateCli(
  argv: string[],
  files: Record<string, string | Uint8Array> = {},
  { now }: Pick<RunCliIo, 'now'> = {},
) {
  const all: Record<string, string | Uint8Array> = {
    '/ci/journey.json': JSON.stringify(SIGN_UP_JOURNEY),
    ...files,
  };
  return runCli(['simulate', 'journey.json', ...argv], {
    cwd: '/ci',
    ...(now === undefined ? {} : { now }),
    readFile: async (path) => {
      const content = all[path];
      if (content === undefined)
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return content;
    },
  });
}
