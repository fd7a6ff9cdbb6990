/**
 * Every reason the editor can refuse an action (a command, an arrow, a paste), with the names of
 * the values its message takes. The screens word a refusal from `refusal.<code>` in the
 * catalogues; the English `reason` stays for logs and tests.
 */
export const REFUSAL_PARAMS = {
  'dangling-connection': [],
  'self-loop': [],
  'connection-into-trigger': [],
  'unknown-branch': ['label'],
  'duplicate-branch-connection': [],
  'cycle-without-wait': [],
  'nothing-to-copy': [],
  'nothing-to-duplicate': [],
  'unknown-step-kind': ['kind'],
  'connection-gone': [],
  'step-gone': [],
  'template-needs-empty-journey': [],
  'changed-during-layout': [],
  'clipboard-not-json': [],
  'clipboard-not-steps': [],
  'clipboard-other-version': ['version'],
  'clipboard-damaged': [],
  'clipboard-damaged-at': ['path'],
  'clipboard-unknown-kind': ['label', 'kind'],
} as const satisfies Record<string, readonly string[]>;

export type RefusalCode = keyof typeof REFUSAL_PARAMS;

/** A refusal as the screens word it: its code and the values of its message. */
export interface Refusal {
  code: RefusalCode;
  values?: Record<string, string>;
}
