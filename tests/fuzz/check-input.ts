import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { main } from '../../src/cli/main.ts';
import {
  compile,
  hasErrors,
  parseJson,
  restore,
  specSchema,
  specToDocument,
  specToJson,
  validate,
  validateSpec,
  type Spec,
} from '../../src/domain/index.ts';

/** The published JSON Schema (docs/spec.schema.json), read back as a validator. */
const publishedSchema = z.fromJSONSchema(
  JSON.parse(
    readFileSync(new URL('../../docs/spec.schema.json', import.meta.url), 'utf8'),
  ) as Parameters<typeof z.fromJSONSchema>[0],
);

/** What a run saw; every field counts inputs. */
export interface FuzzStats {
  inputs: number;
  documents: number;
  specs: number;
  valid: number;
  invalid: number;
  /** Invalid inputs whose last mutation certainly broke them (each must have a diagnostic). */
  mustBeInvalid: number;
  cliRuns: number;
}

export function emptyStats(): FuzzStats {
  return { inputs: 0, documents: 0, specs: 0, valid: 0, invalid: 0, mustBeInvalid: 0, cliRuns: 0 };
}

class GuaranteeBroken extends Error {}

function ensure(condition: boolean, what: string): void {
  if (!condition) throw new GuaranteeBroken(what);
}

/** A spec `compile` produced: canonical text, passes validateSpec and the JSON Schema, no step lost. */
function checkCompiledSpec(spec: Spec, stepCount: number): void {
  const text = specToJson(spec);
  const parsed = JSON.parse(text) as unknown;
  const problems = validateSpec(parsed);
  ensure(!hasErrors(problems), `compiled spec fails validateSpec: ${JSON.stringify(problems)}`);
  ensure(publishedSchema.safeParse(parsed).success, 'compiled spec fails the JSON Schema');
  const steps = (parsed as { steps: object }).steps;
  ensure(Object.keys(steps).length === stepCount, 'a step was lost on the way to the spec');
}

/** A spec validateSpec accepts is one compile would write again, and passes the JSON Schema. */
function checkAcceptedSpec(input: unknown): void {
  ensure(publishedSchema.safeParse(input).success, 'accepted spec fails the JSON Schema');
  const spec = specSchema.parse(input);
  const rawSteps = (input as { steps: object }).steps;
  ensure(
    Object.keys(rawSteps).length === Object.keys(spec.steps).length,
    'accepted spec has steps the schema drops',
  );
  const again = compile(specToDocument(spec).document).spec;
  ensure(again !== null, 'accepted spec does not compile back');
  // `templates` names the template engine compile uses now; specs may leave it out (spec §5.5).
  const strip = ({ templates: _templates, ...s }: Spec) => ({
    ...s,
    entry: [...s.entry].sort(),
    journey: { ...s.journey, version: '' },
  });
  ensure(
    specToJson(strip(again as Spec)) === specToJson(strip(spec)),
    'accepted spec is not what compile writes for it',
  );
}

/** Checks one input in memory; returns whether it is valid. */
function checkInMemory(input: unknown, isSpec: boolean, mustBeInvalid: boolean): boolean {
  if (isSpec) {
    const problems = validateSpec(input);
    const valid = !hasErrors(problems);
    ensure(!(mustBeInvalid && valid), 'a broken spec passed validateSpec');
    if (valid) checkAcceptedSpec(input);
    return valid;
  }
  const restored = restore(input);
  if (!restored.ok) {
    ensure(restored.errors.length > 0, 'restore refused without an error');
    return false;
  }
  const diagnostics = validate(restored.document);
  const { spec, diagnostics: compileDiagnostics } = compile(restored.document);
  ensure(hasErrors(diagnostics) === hasErrors(compileDiagnostics), 'validate and compile disagree');
  ensure(
    (spec === null) === hasErrors(diagnostics),
    'spec given despite errors, or withheld without',
  );
  ensure(!(mustBeInvalid && spec !== null), 'a broken document compiled');
  if (spec !== null)
    checkCompiledSpec(spec, new Set(restored.document.steps.map((s) => s.id)).size);
  return spec !== null;
}

/** What the CLI must answer for a file's text, worked out in process. */
function expectedCliVerdict(text: string): { validate: number; compiled?: string } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { validate: 2 };
  const raw = parsed.value;
  if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'specVersion'))
    return { validate: hasErrors(validateSpec(raw)) ? 1 : 0 };
  const restored = restore(raw);
  if (!restored.ok) return { validate: 2 };
  const { spec } = compile(restored.document);
  return spec === null ? { validate: 1 } : { validate: 0, compiled: specToJson(spec) };
}

/** Runs the CLI entry in process on one file's text, with no disk in between. */
async function runCli(argv: string[], fileText: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: '/fuzz',
    readFile: async (path) => {
      if (path === '/fuzz/input.json') return new TextEncoder().encode(fileText);
      throw Object.assign(new Error(`no such file ${path}`), { code: 'ENOENT' });
    },
  });
  ensure(!stderr.includes('unexpected error'), `the CLI failed unexpectedly: ${stderr}`);
  return { code, stdout, stderr };
}

/** Runs inputs through the domain and the CLI entry (in process, reading the text it is given). */
export class FuzzChecker {
  readonly stats = emptyStats();

  /** Throws a GuaranteeBroken error (with the input) when any guarantee does not hold. */
  async check(input: unknown, isSpec: boolean, mustBeInvalid: boolean): Promise<void> {
    this.stats.inputs++;
    if (isSpec) this.stats.specs++;
    else this.stats.documents++;
    if (mustBeInvalid) this.stats.mustBeInvalid++;
    const valid = checkInMemory(input, isSpec, mustBeInvalid);
    if (valid) this.stats.valid++;
    else this.stats.invalid++;

    const text = JSON.stringify(input) ?? 'null';
    const expected = expectedCliVerdict(text);
    const checked = await runCli(['validate', 'input.json'], text);
    this.stats.cliRuns++;
    ensure(
      checked.code === expected.validate,
      `validate exit ${checked.code}, expected ${expected.validate}`,
    );
    ensure(
      checked.code === 0 || (checked.stdout + checked.stderr).trim() !== '',
      'refused with no message',
    );
    if (isSpec) return;
    const compiled = await runCli(['compile', 'input.json'], text);
    this.stats.cliRuns++;
    if (expected.compiled !== undefined) {
      ensure(compiled.code === 0 && compiled.stdout === expected.compiled, 'CLI compile differs');
    } else {
      ensure(compiled.code !== 0 && compiled.stderr !== '', 'CLI compiled an invalid document');
    }
  }
}
