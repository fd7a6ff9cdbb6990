import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  buildConformanceCases,
  compareOutcomes,
  type ExpectedOutcome,
} from '../domain/conformance/conformance-kit.ts';
import { conformanceKitFiles } from '../domain/conformance/kit-files.ts';
import { compareRenderings, type RenderingCase } from '../domain/conformance/rendering-cases.ts';
import { stringFlag, type ParsedArgs } from './args.ts';
import { CliError, EXIT, type CliIo } from './io.ts';
import { parseJsonText, readText } from './read-json.ts';
import { writeFolder } from './write-output.ts';

async function readJson(path: string, cwd: string): Promise<unknown> {
  return parseJsonText(await readText(path, cwd), path);
}

/**
 * A backend's outcome for one case, or why it is not one: a backend part way through the kit
 * has cases it has not run yet, or wrote one badly, which fail on their own while the others are
 * still compared.
 */
async function readOutcome(path: string, cwd: string): Promise<object | string> {
  const found = await stat(resolve(cwd, path)).catch(() => undefined);
  if (found === undefined) return `no outcome: ${path} does not exist`;
  let outcome: unknown;
  try {
    outcome = await readJson(path, cwd);
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
  if (typeof outcome !== 'object' || outcome === null || Array.isArray(outcome))
    return `${path} holds no JSON object`;
  return outcome;
}

/** An outcome with what it leaves out taken as empty. */
const outcomeOf = (got: Partial<ExpectedOutcome>): ExpectedOutcome => ({
  profiles: got.profiles ?? {},
  steps: got.steps ?? {},
});

/** Refuses an outcomes folder that is not there, before every case fails for want of it. */
async function requireFolder(folder: string, cwd: string): Promise<void> {
  const found = await stat(resolve(cwd, folder)).catch(() => undefined);
  if (found?.isDirectory() !== true)
    throw new CliError(
      `${folder}: cannot read: ${found === undefined ? 'no such folder' : 'not a folder'}`,
      EXIT.unreadable,
    );
}

/** Writes the kit to a folder. */
async function writeKit(out: string, io: CliIo): Promise<number> {
  const cases = buildConformanceCases();
  const files = conformanceKitFiles(cases);
  await writeFolder(out, io.cwd, files);
  io.stdout(`wrote ${cases.length} conformance cases (${files.length} files) to ${out}\n`);
  return EXIT.ok;
}

/** Compares a backend's outcomes (`<actual>/<case id>.json`) with the kit's expected ones. */
async function checkKit(kit: string, actual: string, io: CliIo): Promise<number> {
  const index = (await readJson(join(kit, 'index.json'), io.cwd)) as {
    cases?: { id: string; expected: string }[];
    rendering?: string;
  };
  if (!Array.isArray(index.cases))
    throw new CliError(`${kit}/index.json lists no cases`, EXIT.unreadable);
  await requireFolder(actual, io.cwd);
  let failed = 0;
  for (const c of index.cases) {
    const expected = (await readJson(join(kit, c.expected), io.cwd)) as ExpectedOutcome;
    const got = await readOutcome(join(actual, `${c.id}.json`), io.cwd);
    const problems =
      typeof got === 'string'
        ? [got]
        : compareOutcomes(expected, outcomeOf(got as Partial<ExpectedOutcome>));
    if (problems.length === 0) io.stdout(`pass  ${c.id}\n`);
    else {
      failed++;
      io.stdout(
        `FAIL  ${c.id}\n${problems
          .slice(0, 20)
          .map((p) => `      ${p}`)
          .join('\n')}\n`,
      );
    }
  }
  let total = index.cases.length;
  if (index.rendering !== undefined) {
    total++;
    const { cases } = (await readJson(join(kit, index.rendering), io.cwd)) as {
      cases: RenderingCase[];
    };
    const got = await readOutcome(join(actual, 'rendering.json'), io.cwd);
    const problems =
      typeof got === 'string' ? [got] : compareRenderings(cases, got as Record<string, unknown>);
    if (problems.length === 0) io.stdout('pass  rendering\n');
    else {
      failed++;
      io.stdout(`FAIL  rendering\n${problems.map((p) => `      ${p}`).join('\n')}\n`);
    }
  }
  io.stdout(`${total - failed} passed, ${failed} failed\n`);
  return failed === 0 ? EXIT.ok : EXIT.invalid;
}

/** `wayfinder conformance --out DIR` or `wayfinder conformance --check KIT --actual DIR`. */
export async function conformanceCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const check = stringFlag(args, 'check');
  if (check !== undefined) {
    const actual = stringFlag(args, 'actual');
    if (actual === undefined) throw new CliError('--check needs --actual DIR', EXIT.unreadable);
    return checkKit(check, actual, io);
  }
  const out = stringFlag(args, 'out', 'o');
  if (out === undefined)
    throw new CliError(
      'conformance needs --out DIR (or --check KIT --actual DIR)',
      EXIT.unreadable,
    );
  return writeKit(out, io);
}
