import {
  compile,
  restore,
  validateSpec,
  validate,
  type Diagnostic,
  type JourneyDocument,
  type Spec,
} from '../domain/index.ts';
import { CliError, EXIT } from './io.ts';
import { readJsonFile } from './read-json.ts';

export type LoadedInput =
  | { kind: 'document'; document: JourneyDocument; diagnostics: Diagnostic[] }
  | { kind: 'spec'; spec: unknown; diagnostics: Diagnostic[] };

/** A file holds a spec when it carries `specVersion`, otherwise a journey document. */
export function isSpecLike(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'specVersion');
}

/**
 * Reads a journey document or a compiled spec and checks it. A document that does not restore
 * (wrong shape, newer version) is unreadable (exit 2); one that restores is validated.
 */
export async function loadJourneyOrSpec(file: string, cwd: string): Promise<LoadedInput> {
  const raw = await readJsonFile(file, cwd);
  if (isSpecLike(raw)) return { kind: 'spec', spec: raw, diagnostics: validateSpec(raw) };
  const restored = restore(raw);
  if (!restored.ok) {
    const lines = restored.errors.map((e) => `  ${e.path || '(root)'}: ${e.message}`);
    throw new CliError(
      `${file}: not a Wayfinder journey or spec:\n${lines.join('\n')}`,
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
): Promise<{ spec: Spec; diagnostics: Diagnostic[] }> {
  const input = await loadJourneyOrSpec(file, cwd);
  if (input.kind === 'spec') {
    if (input.diagnostics.some((d) => d.severity === 'error')) {
      throw new CliError(
        `${file}: the spec is invalid (run \`wayfinder validate ${file}\`)`,
        EXIT.invalid,
      );
    }
    return { spec: input.spec as Spec, diagnostics: input.diagnostics };
  }
  const { spec, diagnostics } = compile(input.document);
  if (spec === null) {
    throw new CliError(
      `${file}: the journey has errors (run \`wayfinder validate ${file}\`)`,
      EXIT.invalid,
    );
  }
  return { spec, diagnostics };
}
