// @vitest-environment node
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The lint rule that keeps UI text in the catalogues (eslint.config.js, `i18n/no-literal-text`). */
const RULE = 'i18n/no-literal-text';
const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

async function rulesBroken(file: string, jsx: string): Promise<string[]> {
  const code = `export function X({ n }: { n: number }) {\n  return ${jsx};\n}\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('literal UI text in components', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it.each([
    ['text between tags', '<p>Journeys</p>'],
    ['a visible attribute', '<input placeholder="Search journeys" />'],
    ['an accessible name', '<button aria-label="Delete journey" />'],
    ['a label prop', '<Card label="Converted" />'],
    ['a template literal', '<p>{`${n} profiles`}</p>'],
    ['a string in a condition', "<p>{n > 1 ? 'many' : 'one'}</p>"],
  ])(
    'rejects %s in a converted folder',
    async (_what, jsx) => {
      expect(await rulesBroken('src/features/journeys/x.tsx', jsx)).toContain(RULE);
    },
    30_000,
  );

  it.each([
    ['a space Prettier adds', "<p>{n}{' '}<b>{n}</b></p>"],
    ['symbols and numbers', '<span aria-hidden="true">— / ▲ 42</span>'],
    ['a message from the catalogue', '<FormattedMessage id="journeys.list.title" />'],
    ['non-visible attributes', '<div className="page" role="alert" data-x="y" />'],
  ])(
    'allows %s',
    async (_what, jsx) => {
      expect(await rulesBroken('src/features/journeys/x.tsx', jsx)).not.toContain(RULE);
    },
    30_000,
  );
});
