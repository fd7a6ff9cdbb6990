import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES, specSchema, type JourneyDocument } from '../../../src/domain/index.ts';
import { runCli } from '../../support/run-cli.ts';

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

const run = (argv: string[], cwd: string) => runCli(argv, { cwd });

function welcome(): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (!template) throw new Error('welcome-series template missing');
  return template.build(NOW);
}

let dir: string;
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wayfinder-cli-'));
  const valid = welcome();
  await writeFile(join(dir, 'welcome.json'), JSON.stringify(valid, null, 2));
  const triggerIds = new Set(valid.steps.filter((s) => s.kind === 'event').map((s) => s.id));
  const broken: JourneyDocument = {
    ...valid,
    steps: valid.steps.filter((s) => !triggerIds.has(s.id)),
    connections: valid.connections.filter((c) => !triggerIds.has(c.from)),
  };
  await writeFile(join(dir, 'broken.json'), JSON.stringify(broken, null, 2));
  await writeFile(join(dir, 'malformed.json'), '{\n  "name": "x",\n  steps: []\n}\n');
  await writeFile(join(dir, 'missing-value.json'), '{\n  "name": "x",\n  "steps": [ , ]\n}\n');
  await writeFile(join(dir, 'not-a-journey.json'), JSON.stringify({ hello: 'world' }));
});

describe('wayfinder validate', () => {
  it('accepts a valid document with exit 0', async () => {
    const { code, stdout } = await run(['validate', 'welcome.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/welcome\.json: document, valid/);
  });

  it('lists the problems of an invalid document with exit 1', async () => {
    const { code, stdout } = await run(['validate', 'broken.json'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/invalid \(\d+ errors?/);
    expect(stdout).toMatch(/error\s+no-trigger/);
  });

  it('prints machine-readable diagnostics with --json', async () => {
    const { code, stdout } = await run(['validate', '--json', 'broken.json'], dir);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as {
      valid: boolean;
      kind: string;
      diagnostics: { code: string; stepId?: string }[];
    };
    expect(parsed.valid).toBe(false);
    expect(parsed.kind).toBe('document');
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsed.diagnostics.map((d) => d.code)).toContain('no-trigger');
  });

  it('reports malformed JSON with its line and column and exit 2, no stack trace', async () => {
    const { code, stderr } = await run(['validate', 'malformed.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^wayfinder: malformed\.json:3:3: malformed JSON/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing array value on its own line, not at the end of the file', async () => {
    const { code, stderr } = await run(['validate', 'missing-value.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('wayfinder: missing-value.json:3:14: malformed JSON: expected a value\n');
  });

  it('exits 2 for a missing file and for JSON that is not a journey', async () => {
    expect((await run(['validate', 'nope.json'], dir)).code).toBe(2);
    const other = await run(['validate', 'not-a-journey.json'], dir);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/schemaVersion/);
  });

  it('validates a compiled spec too', async () => {
    await run(['compile', 'welcome.json', '-o', 'welcome.spec.json'], dir);
    const { code, stdout } = await run(['validate', 'welcome.spec.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/spec, valid/);
  });

  it('refuses a spec whose step points nowhere', async () => {
    // Compiled here, not taken from the test before: tests run in any order (--sequence.shuffle).
    expect((await run(['compile', 'welcome.json', '-o', 'pointing.spec.json'], dir)).code).toBe(0);
    const spec = JSON.parse(await readFile(join(dir, 'pointing.spec.json'), 'utf8')) as {
      steps: Record<string, { next: Record<string, string | null> }>;
    };
    const [first] = Object.values(spec.steps).filter((s) => Object.keys(s.next).length > 0);
    if (!first) throw new Error('no step with a branch');
    const branch = Object.keys(first.next)[0] as string;
    first.next[branch] = 'no-such-step';
    await writeFile(join(dir, 'bad.spec.json'), JSON.stringify(spec));
    const { code } = await run(['validate', 'bad.spec.json'], dir);
    expect(code).toBe(1);
  });
});

describe('wayfinder compile', () => {
  it('prints a spec that passes the spec schema, byte-identical on every run', async () => {
    const first = await run(['compile', 'welcome.json'], dir);
    const second = await run(['compile', 'welcome.json'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(specSchema.safeParse(JSON.parse(first.stdout)).success).toBe(true);
  });

  it('writes to a file with -o', async () => {
    const { code } = await run(['compile', 'welcome.json', '-o', 'out.json'], dir);
    expect(code).toBe(0);
    const spec = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as {
      specVersion: string;
    };
    expect(spec.specVersion).toBe('1.0');
  });

  it('refuses a document with errors, exit 1', async () => {
    const { code, stderr, stdout } = await run(['compile', 'broken.json'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot compile/);
  });
});

describe('wayfinder schema and usage', () => {
  it('prints the JSON Schema of the spec, the same as the committed file', async () => {
    const { code, stdout } = await run(['schema'], dir);
    expect(code).toBe(0);
    const committed = await readFile(
      new URL('../../../docs/spec.schema.json', import.meta.url),
      'utf8',
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(committed));
  });

  it('explains usage for unknown commands with exit 2', async () => {
    const { code, stderr } = await run(['frobnicate'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('refuses an option the command does not take, never ignoring a typo', async () => {
    for (const argv of [
      ['validate', 'welcome.json', '--jsno'],
      ['simulate', 'welcome.json', '--profiles', 'welcome.json', '--day', '90'],
      ['compile', 'welcome.json', '--json'],
      ['validate', 'welcome.json', '--toString=1'],
    ]) {
      const r = await run(argv, dir);
      const option = argv.find((a) => a.startsWith('--') && a !== '--profiles')?.split('=')[0];
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`wayfinder: unknown option ${option ?? ''} `), r.stderr).toBe(
        true,
      );
    }
  });

  it('finds the command after options given before it', async () => {
    const r = await run(['--json', 'validate', 'welcome.json'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'welcome.json', valid: true });
    const before = await run(['--out', join(dir, 'kit'), 'conformance'], dir);
    expect(before).toMatchObject({ code: 0, stderr: '' });
    const typo = await run(['--jsno', 'validate', 'welcome.json'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr.startsWith('wayfinder: unknown option --jsno '), typo.stderr).toBe(true);
  });

  it('refuses a second file rather than checking only the first', async () => {
    const r = await run(['validate', 'welcome.json', 'broken.json'], dir);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^wayfinder: unexpected argument "broken\.json"/);
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'treats "%s" as an unknown command, not a property of Object',
    async (name) => {
      const { code, stderr } = await run([name], dir);
      expect(code).toBe(2);
      expect(stderr).toMatch(/unknown command/);
    },
  );
});

describe('wayfinder simulate', () => {
  const cdnowSample = new URL('../../../public/data/cdnow/CDNOW_sample.txt', import.meta.url)
    .pathname;

  it('runs a journey over generated profiles and prints the step counts', async () => {
    const { generateProfiles } =
      await import('../../../src/domain/profiles/generate/generate-profiles.ts');
    const profiles = generateProfiles({
      count: 300,
      seed: 3,
      start: NOW - 200 * 86_400_000,
      end: NOW,
    });
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(profiles));
    const { code, stdout } = await run(
      ['simulate', 'welcome.json', '--profiles', 'profiles.json', '--seed', '5'],
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Welcome series: 300 profiles/);
    expect(stdout).toMatch(/entered \d[\d,]* profiles/);
    expect(stdout).toMatch(/Welcome email \(email\)/);
  });

  it('lists the steps as the journey runs, from its trigger along each branch', async () => {
    const { code, stdout } = await run(
      ['simulate', 'welcome.json', '--profiles', cdnowSample, '--days', '9'],
      dir,
    );
    expect(code).toBe(0);
    const rows = stdout.slice(stdout.indexOf('\nstep ')).trim().split('\n').slice(1);
    const labels = rows.map((row) => row.slice(0, row.indexOf(' (')));
    const document = welcome();
    const byLabel = new Map(document.steps.map((step) => [step.label, step.id]));
    const after = (id: string | undefined) =>
      document.connections.filter((c) => c.from === id).map((c) => c.to);
    expect(labels[0]).toBe('Signed up');
    // Each step after the first comes after a step that leads to it.
    labels.slice(1).forEach((label, i) => {
      const earlier = labels.slice(0, i + 1).flatMap((l) => after(byLabel.get(l)));
      expect(earlier, label).toContain(byLabel.get(label));
    });
    expect(labels).toHaveLength(document.steps.length);
  });

  it('gives the same --json result for the same seed, and reads a CDNOW file', async () => {
    const args = [
      'simulate',
      'welcome.json',
      '--profiles',
      cdnowSample,
      '--days',
      '30',
      '--seed',
      '9',
      '--json',
    ];
    const first = await run(args, dir);
    const second = await run(args, dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const result = JSON.parse(first.stdout) as { profiles: number; horizonDays: number };
    expect(result.profiles).toBe(2_357);
    expect(result.horizonDays).toBe(30);
  });

  it('lists every channel of the journey in the text report, with 0s for one that sent nothing', async () => {
    // Nobody signs up: the welcome series' email and push steps send nothing at all.
    await writeFile(
      join(dir, 'nobody-enters.json'),
      JSON.stringify([{ id: 'a', attributes: {}, events: [] }]),
    );
    const { code, stdout } = await run(
      ['simulate', 'welcome.json', '--profiles', 'nobody-enters.json'],
      dir,
    );
    expect(code).toBe(0);
    const row = (label: string) =>
      stdout.split('\n').find((line) => line.startsWith(`${label} `)) ?? '';
    expect(stdout).toMatch(/^channel\s+sent\s+delivered/m);
    expect(
      row('Email')
        .trim()
        .split(/\s{2,}/),
    ).toEqual(['Email', '0', '0', '0', '0', '0', '0', '$0.00']);
    expect(row('Push')).toMatch(/^Push\s+0\s/);
    // A channel the journey has no step for stays out.
    expect(row('SMS')).toBe('');
    // One profile is one profile, and nobody entered is 0 profiles.
    expect(stdout).toMatch(/: 1 profile, /);
    expect(stdout).toMatch(/^entered 0 profiles \(0 entries, /m);
  });

  it('needs --profiles and refuses a journey with errors', async () => {
    expect((await run(['simulate', 'welcome.json'], dir)).code).toBe(2);
    await writeFile(
      join(dir, 'one.json'),
      JSON.stringify([{ id: 'a', attributes: {}, events: [] }]),
    );
    expect((await run(['simulate', 'broken.json', '--profiles', 'one.json'], dir)).code).toBe(1);
  });
});

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('the wayfinder bin', { timeout: 120_000 }, () => {
  it('runs from bin/wayfinder.js with the exit code of the command', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = new URL('../../../bin/wayfinder.js', import.meta.url).pathname;
    const ok = spawnSync(process.execPath, [bin, 'validate', 'welcome.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/valid/);
    const bad = spawnSync(process.execPath, [bin, 'validate', 'malformed.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/malformed\.json:3:3/);
  });
});
