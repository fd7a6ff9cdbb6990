import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exampleFiles } from '../domain/index.ts';
import { stringFlag, type ParsedArgs } from './args.ts';
import { EXIT, type CliIo } from './io.ts';

/** `wayfinder examples [--out DIR]`: writes the templates as documents and compiled specs. */
export async function examplesCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const out = stringFlag(args, 'out', 'o') ?? 'examples';
  const dir = resolve(io.cwd, out);
  await mkdir(dir, { recursive: true });
  const files = exampleFiles();
  for (const file of files) await writeFile(resolve(dir, file.path), file.content, 'utf8');
  io.stdout(`wrote ${files.length} files to ${out}\n`);
  return EXIT.ok;
}
