/**
 * Every code a diagnostic can carry, with the names of its parameters. The app renders
 * `diagnostic.<code>` from its catalogues with these parameters; a test checks that each code has
 * that id in every language with exactly these ICU arguments, so a producer cannot emit a code
 * (or a parameter) the screens cannot say. `message` stays English for the CLI and the spec.
 *
 * Parameters that pick a wording (`what`, `why`, `reason`, `problem`) hold short codes the
 * catalogue selects on; the rest are names, paths, counts and limits shown as they are.
 */
export const DIAGNOSTIC_PARAMS = {
  // The journey as a whole and its limits.
  'too-many-steps': ['count', 'max'],
  'too-many-connections': ['count', 'max'],
  'unsafe-id': ['what', 'id', 'reason', 'max'],
  'text-too-long': ['what', 'field', 'length', 'max'],
  'config-too-deep': ['field', 'max'],
  'condition-too-deep': ['field', 'max'],
  'number-out-of-range': ['field'],
  'unsafe-key': ['key', 'field'],
  'unsafe-branch-key': ['key', 'reason', 'max'],
  'duplicate-step-id': ['id'],
  'unknown-kind': ['step', 'kind'],
  'invalid-config': ['field', 'problem', 'limit'],
  'invalid-settings': ['field', 'problem', 'limit'],
  'empty-quiet-hours': [],
  /** The editor could not run the checks at all (a journey nested past the stack). */
  'journey.unchecked': ['why'],
  // Arrows and flow.
  'duplicate-connection-id': ['id'],
  'dangling-connection': [],
  'unknown-branch': ['step', 'branch'],
  'connection-into-trigger': ['step'],
  'self-loop': ['step'],
  'duplicate-branch-connection': ['step'],
  'cycle-without-wait': ['loop'],
  'short-cycle': ['loop', 'minutes'],
  'no-trigger': [],
  'no-action': [],
  'unreachable-step': ['step'],
  /** `branch` selects a kind's own path word by key, or `numbered` / `named` (`number`, `name`). */
  'unconnected-branch': ['step', 'branch', 'name', 'number', 'paths'],
  // Events.
  'unproducible-event': ['why', 'event', 'step'],
  'invalid-engagement-step': ['why', 'step', 'engagement'],
  // Message templates.
  'template-syntax': ['line', 'column', 'detail'],
  'template-unknown-field': ['path', 'where', 'profileSet', 'hint', 'suggestion', 'line', 'column'],
  'template-missing-field': ['path', 'percent', 'missing', 'of', 'profileSet'],
  'email-without-unsubscribe': ['path'],
  'sms-without-opt-out': [],
  // Step kinds' own checks.
  'required-field': ['what', 'n'],
  'message-without-content': ['what'],
  'incomplete-condition': ['what', 'attribute', 'reason', 'max'],
  'duplicate-branch-key': ['what', 'n', 'key'],
  'split-percentages': ['total'],
  'empty-time-window': [],
  'empty-condition': ['what'],
  'shadowed-branch': ['n'],
  'invalid-date': [],
  'invalid-url': [],
  'unsafe-name': ['reason', 'max'],
  'long-sms': ['characters', 'encoding', 'parts'],
  // The spec validator (a spec read from a file or a backend).
  'invalid-spec': ['field', 'problem', 'limit'],
  'spec-too-deep': ['field', 'max'],
  'spec-condition-too-deep': ['field', 'max'],
  'spec-text-too-long': ['field', 'length', 'max'],
  'spec-number-not-finite': ['field'],
  'spec-reserved-key': ['key', 'field'],
  'spec-derived-mismatch': ['step', 'field', 'value'],
  'spec-branch-mismatch': ['step', 'branches'],
  'spec-settings-mismatch': ['reentry'],
  'spec-duplicate-entry': ['step'],
  'spec-unknown-entry': ['step'],
  'spec-entry-not-trigger': ['step'],
  'spec-step-id-mismatch': ['step', 'id'],
  'spec-trigger-not-entry': ['step'],
  'spec-dangling-next': ['step', 'branch', 'target'],
  'spec-next-into-trigger': ['step', 'branch'],
  // The execution backend's warnings: it accepts the spec, but an event count comes out short.
  'look-back-beyond-retention': ['lookBackDays', 'retentionDays'],
  'look-back-all-time': ['retentionDays'],
} as const satisfies Record<string, readonly string[]>;

/** A code the domain can emit. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_PARAMS;

/** The parameters a diagnostic of code `C` carries, every one of them. */
export type DiagnosticParams<C extends DiagnosticCode> = {
  [P in (typeof DIAGNOSTIC_PARAMS)[C][number]]: string | number;
};

/** Every code, for the catalogue checks and the UI. */
export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_PARAMS) as DiagnosticCode[];

/** Whether a code (from a backend, a file) is one this version can render. */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_PARAMS, code);
}
