import type { RejectionCode } from '../domain/profiles/import/report.ts';

/** Where the CLI writes; injected so tests capture output without spawning processes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /**
   * Reads a file's bytes (an absolute path, or `-` for standard input); node:fs and process.stdin
   * when left out. Tests run the CLI on files they hold.
   */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** The clock (epoch ms), for defaults that depend on today; Date.now when left out. */
  now?: () => number;
}

/** Exit codes: 0 valid / done, 1 invalid input, 2 unreadable input or bad usage. */
export const EXIT = { ok: 0, invalid: 1, unreadable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Why a file was refused as unreadable text: the import's code, or `json_not_utf8` for JSON that
 * is not UTF-8 (RFC 8259 allows no other encoding, so no --encoding can help).
 */
export type RefusalCode = RejectionCode | 'json_not_utf8';

/** An error that ends the command with a message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** For a file refused (as unreadable text, or by the profile import): why, as a stable code. */
    readonly refusal?: RefusalCode,
  ) {
    super(message);
  }
}

/**
 * What a `--json` output says of a failure, for scripts: the reason in words and, for a refused
 * file, its code (else null), so a script need not parse the words.
 */
export const jsonFailure = (error: CliError): { error: string; code: RefusalCode | null } => ({
  error: error.message,
  code: error.refusal ?? null,
});
