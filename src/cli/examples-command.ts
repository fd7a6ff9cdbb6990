import { exampleFiles } from '../domain/index.ts';
import { stringFlag, type ParsedArgs } from './args.ts';
import { EXIT, type CliIo } from './io.ts';
import { writeFolder } from './write-output.ts';

/** `wayfinder examples [--out DIR]`: writes the templates as documents and compiled specs. */
export async function examplesCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const out = stringFlag(args, 'out', 'o') ?? 'examples';
  const files = exampleFiles();
  await writeFolder(out, io.cwd, files);
  io.stdout(`wrote ${files.length} files to ${out}\n`);
  return EXIT.ok;
}
