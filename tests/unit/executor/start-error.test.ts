import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts `npm run executor`'s entry with only these variables (and PATH), as an operator would. */
function start(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/executor/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout };
}

// Each start loads the executor through tsx: seconds on a loaded machine.
describe('starting the executor wrongly', { timeout: 120_000 }, () => {
  it('says which variable is missing or wrong, in one line, exit 1', () => {
    const unset = start({});
    expect(unset.status).toBe(1);
    expect(unset.stderr).toBe(
      'wayfinder executor: cannot start: DATABASE_URL is not set (e.g. postgres://wayfinder:wayfinder@127.0.0.1:5432/wayfinder)',
    );
    const port = start({ DATABASE_URL: 'postgres://a@127.0.0.1/b', PORT: 'http' });
    expect(port.status).toBe(1);
    expect(port.stderr).toMatch(/^wayfinder executor: cannot start: PORT: .*number/);
    expect(port.stderr.split('\n')).toHaveLength(1);
  });

  it('says when the database does not answer, without printing its password', () => {
    // Port 1 on the loopback: nothing listens there.
    const r = start({ DATABASE_URL: 'postgres://wayfinder:s3cret@127.0.0.1:1/wayfinder' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^wayfinder executor: cannot start: the database at postgres:\/\/wayfinder:\*\*\*@127\.0\.0\.1:1\/wayfinder: nothing answers there/,
    );
    expect(r.stderr).not.toContain('s3cret');
    expect(r.stderr.split('\n')).toHaveLength(1);
  });
});
