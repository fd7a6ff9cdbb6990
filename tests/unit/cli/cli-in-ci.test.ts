import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import {
  TEMPLATES,
  compile,
  specToJson,
  validateSpec,
  type JourneyDocument,
} from '../../../src/domain/index.ts';

/**
 * The CLI as an engineering team's CI uses it: input piped on stdin, specs from another version,
 * hostile ids, a compiled spec that must be publishable as it is. Files are given as text, so no
 * test touches the disk.
 */
function welcome(): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('welcome-series template missing');
  return template.build(Date.UTC(2026, 0, 15, 9));
}

function specText(edit: (spec: Record<string, unknown>) => void = () => undefined): string {
  const { spec } = compile(welcome());
  if (spec === null) throw new Error('the welcome series does not compile');
  const json = JSON.parse(specToJson(spec)) as Record<string, unknown>;
  edit(json);
  return JSON.stringify(json, null, 2);
}

/** Runs the CLI with `files` as the only readable files ('-' is stdin). */
async function run(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: '/ci',
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
  });
  return { code, stdout, stderr };
}

describe('wayfinder in a CI pipeline', () => {
  it('reads the file from stdin when it is "-", named <stdin> in messages', async () => {
    const valid = await run(['validate', '-'], { '-': JSON.stringify(welcome()) });
    expect(valid).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^<stdin>: document, valid/),
    });
    const compiled = await run(['compile', '-'], { '-': JSON.stringify(welcome()) });
    expect(compiled.code).toBe(0);
    expect(validateSpec(JSON.parse(compiled.stdout))).toEqual([]);
    const broken = await run(['validate', '-'], { '-': '{\n  "steps": [\n' });
    expect(broken).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^wayfinder: <stdin>:3:1: malformed JSON/),
    });
  });

  it('says a spec from a newer Wayfinder needs an update, as unreadable (exit 2), not as a list of schema errors', async () => {
    for (const version of ['1.1', '2.0']) {
      const { code, stdout, stderr } = await run(['validate', 'spec.json'], {
        '/ci/spec.json': specText((s) => (s.specVersion = version)),
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `wayfinder: spec.json: spec version ${version} is newer than this wayfinder reads (1.0); update Wayfinder to check it\n`,
      );
    }
    // An older or made-up version is still just invalid.
    const odd = await run(['validate', 'spec.json'], {
      '/ci/spec.json': specText((s) => (s.specVersion = '0.9')),
    });
    expect(odd.code).toBe(1);
  });

  it("names a reserved journey id once, and a schema problem's path once", async () => {
    const proto = await run(['validate', 'spec.json'], {
      '/ci/spec.json': specText((s) => ((s.journey as { id: string }).id = '__proto__')),
    });
    expect(proto.code).toBe(1);
    expect(proto.stdout).toContain('The journey id "__proto__" is a reserved name.');
    const kind = await run(['validate', 'spec.json'], {
      '/ci/spec.json': specText((s) => {
        (s.steps as Record<string, { kind: string }>)['wait-2-days']!.kind = 'teleport';
      }),
    });
    expect(kind.code).toBe(1);
    const line = kind.stdout.split('\n').find((l) => l.includes('invalid-spec')) ?? '';
    expect(line.split('steps.wait-2-days.kind').length - 1).toBe(1);
  });

  it('compiles with --version N a spec a backend takes as its version N (a content hash otherwise)', async () => {
    const files = { '/ci/welcome.json': JSON.stringify(welcome()) };
    const stamped = await run(['compile', 'welcome.json', '--version', '3'], files);
    expect(stamped.code).toBe(0);
    const spec = JSON.parse(stamped.stdout) as { journey: { version: string } };
    expect(spec.journey.version).toBe('3');
    expect(validateSpec(spec)).toEqual([]);
    const hashed = JSON.parse(
      (await run(['compile', 'welcome.json'], files)).stdout,
    ) as typeof spec;
    expect(hashed.journey.version).toMatch(/^[0-9a-f]{14}$/);
    for (const bad of ['0', '-1', '1.5', 'two']) {
      const refused = await run(['compile', 'welcome.json', `--version=${bad}`], files);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--version needs a whole number from 1/);
    }
  });
});
