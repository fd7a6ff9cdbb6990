import { join } from 'node:path';
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
  let failed = 0;
  for (const c of index.cases) {
    const expected = (await readJson(join(kit, c.expected), io.cwd)) as ExpectedOutcome;
    const got = (await readJson(join(actual, `${c.id}.json`), io.cwd)) as ExpectedOutcome;
    const problems = compareOutcomes(expected, {
      profiles: got.profiles ?? {},
      steps: got.steps ?? {},
    });
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
    const got = (await readJson(join(actual, 'rendering.json'), io.cwd)) as Record<string, unknown>;
    const problems = compareRenderings(cases, got);
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
