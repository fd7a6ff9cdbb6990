import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { TEMPLATES, exampleFiles, validateSpec } from '../../../src/domain/index.ts';

const examplesDir = new URL('../../../examples/', import.meta.url);

async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: examplesDir.pathname,
  });
  return { code, stdout, stderr };
}

describe('examples/', () => {
  it('holds exactly what `npm run examples` writes (run it after changing a template)', async () => {
    const expected = exampleFiles();
    const onDisk = (await readdir(examplesDir)).filter((f) => f.endsWith('.json')).sort();
    expect(onDisk).toEqual(expected.map((f) => f.path).sort());
    for (const file of expected) {
      const text = await readFile(new URL(file.path, examplesDir), 'utf8');
      expect(text, `examples/${file.path} is out of date: run npm run examples`).toBe(file.content);
    }
  });

  it('has a document and a spec for each of the seven templates', () => {
    expect(TEMPLATES).toHaveLength(7);
    const paths = exampleFiles().map((f) => f.path);
    for (const t of TEMPLATES) {
      expect(paths).toContain(`${t.id}.journey.json`);
      expect(paths).toContain(`${t.id}.spec.json`);
    }
  });

  it.each(TEMPLATES.map((t) => t.id))(
    '`wayfinder compile examples/%s.journey.json` is byte-identical to the checked-in spec',
    async (id) => {
      const { code, stdout, stderr } = await runCli(['compile', `${id}.journey.json`]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toBe(await readFile(new URL(`${id}.spec.json`, examplesDir), 'utf8'));
    },
  );

  it.each(TEMPLATES.map((t) => t.id))('examples/%s.spec.json validates', async (id) => {
    const text = await readFile(new URL(`${id}.spec.json`, examplesDir), 'utf8');
    expect(validateSpec(JSON.parse(text))).toEqual([]);
    expect((await runCli(['validate', `${id}.spec.json`])).code).toBe(0);
  });
});
