import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/domain/index.ts';
import { runCli } from '../../support/run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wayfinder-cli-out-'));
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('welcome-series template missing');
  await writeFile(join(dir, 'journey.json'), JSON.stringify(template.build(Date.UTC(2026, 0, 1))));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('wayfinder compile -o FILE it cannot write', () => {
  it('says so in words (exit 2), naming the file, and leaves nothing behind', async () => {
    const missingFolder = await runCli(['compile', 'journey.json', '-o', 'no/such/spec.json'], {
      cwd: dir,
    });
    expect(missingFolder).toMatchObject({
      code: 2,
      stderr: 'wayfinder: no/such/spec.json: cannot write: no such folder\n',
    });
    const folder = await runCli(['compile', 'journey.json', '-o', '.'], { cwd: dir });
    expect(folder).toMatchObject({ code: 2, stderr: 'wayfinder: .: cannot write: is a folder\n' });
    expect((await readdir(dir)).sort()).toEqual(['journey.json']);
  });
});

describe('wayfinder examples / conformance --out a folder it cannot make', () => {
  it('says so in words (exit 2), naming the folder', async () => {
    await writeFile(join(dir, 'a-file'), 'not a folder');
    for (const command of ['examples', 'conformance']) {
      const r = await runCli([command, '--out', 'a-file/kit'], { cwd: dir });
      expect(r).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'wayfinder: a-file/kit: cannot write: a file is in the way of a folder\n',
      });
    }
  });
});
