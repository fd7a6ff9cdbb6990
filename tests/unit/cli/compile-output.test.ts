import {
  chmod,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
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

describe('wayfinder compile -o onto what is already there', () => {
  it('writes through a symbolic link and keeps a file’s permissions', async () => {
    await writeFile(join(dir, 'real.json'), 'old');
    await chmod(join(dir, 'real.json'), 0o600);
    await symlink('real.json', join(dir, 'link.json'));
    const r = await runCli(['compile', 'journey.json', '-o', 'link.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await lstat(join(dir, 'link.json'))).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'real.json'), 'utf8'))).toHaveProperty('steps');
    expect((await stat(join(dir, 'real.json'))).mode & 0o777).toBe(0o600);
    await rm(join(dir, 'link.json'));
    await rm(join(dir, 'real.json'));
  });

  it('takes -o - as standard output, writing no file named "-"', async () => {
    const r = await runCli(['compile', 'journey.json', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('steps');
    expect(await readdir(dir)).not.toContain('-');
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
