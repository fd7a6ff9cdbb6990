import {
  SPEC_VERSION,
  compile,
  restore,
  validateSpec,
  validate,
  type Diagnostic,
  type JourneyDocument,
  type Spec,
} from '../domain/index.ts';
import { CliError, EXIT } from './io.ts';
import { readJsonFile, shownName, type ReadFile } from './read-json.ts';

export type LoadedInput =
  | { kind: 'document'; document: JourneyDocument; diagnostics: Diagnostic[] }
  | { kind: 'spec'; spec: unknown; diagnostics: Diagnostic[] };

/** A file holds a spec when it carries `specVersion`, otherwise a journey document. */
export function isSpecLike(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'specVersion');
}

/** `[major, minor]` of a spec version such as "1.0", or null for anything else. */
function versionParts(version: unknown): [number, number] | null {
  const match = typeof version === 'string' ? /^(\d{1,6})\.(\d{1,6})$/.exec(version) : null;
  return match === null ? null : [Number(match[1]), Number(match[2])];
}

/**
 * A spec written for a newer spec version is not invalid but unreadable here (as a document
 * saved by a newer Wayfinder is): the schema errors it would give say nothing useful.
 */
function refuseNewerSpec(raw: object, file: string): void {
  const theirs = versionParts((raw as { specVersion?: unknown }).specVersion);
  const ours = versionParts(SPEC_VERSION) as [number, number];
  if (theirs === null) return;
  if (theirs[0] > ours[0] || (theirs[0] === ours[0] && theirs[1] > ours[1]))
    throw new CliError(
      `${shownName(file)}: spec version ${theirs.join('.')} is newer than this wayfinder reads (${SPEC_VERSION}); update Wayfinder to check it`,
      EXIT.unreadable,
    );
}

/**
 * Reads a journey document or a compiled spec and checks it. A document that does not restore
 * (wrong shape, newer version) is unreadable (exit 2); one that restores is validated.
 */
export async function loadJourneyOrSpec(
  file: string,
  cwd: string,
  read?: ReadFile,
): Promise<LoadedInput> {
  const raw = await readJsonFile(file, cwd, read);
  if (isSpecLike(raw)) {
    refuseNewerSpec(raw as object, file);
    return { kind: 'spec', spec: raw, diagnostics: validateSpec(raw) };
  }
  const restored = restore(raw);
  if (!restored.ok) {
    const lines = restored.errors.map((e) => `  ${e.path || '(root)'}: ${e.message}`);
    throw new CliError(
      `${shownName(file)}: not a Wayfinder journey or spec:\n${lines.join('\n')}`,
      EXIT.unreadable,
    );
  }
  return {
    kind: 'document',
    document: restored.document,
    diagnostics: validate(restored.document),
  };
}

/** The spec to run: a document is compiled, a spec file is used as it is once it validates. */
export async function loadSpec(
  file: string,
  cwd: string,
  read?: ReadFile,
): Promise<{ spec: Spec; diagnostics: Diagnostic[] }> {
  const input = await loadJourneyOrSpec(file, cwd, read);
  if (input.kind === 'spec') {
    if (input.diagnostics.some((d) => d.severity === 'error')) {
      throw new CliError(
        `${shownName(file)}: the spec is invalid (run \`wayfinder validate ${file}\`)`,
        EXIT.invalid,
      );
    }
    return { spec: input.spec as Spec, diagnostics: input.diagnostics };
  }
  const { spec, diagnostics } = compile(input.document);
  if (spec === null) {
    throw new CliError(
      `${shownName(file)}: the journey has errors (run \`wayfinder validate ${file}\`)`,
      EXIT.invalid,
    );
  }
  return { spec, diagnostics };
}
