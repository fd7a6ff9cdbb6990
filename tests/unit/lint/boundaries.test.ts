// @vitest-environment node
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Forbidden imports, one per rule of eslint.config.js, each linted as if it were a file in the
 * folder named by `in` (ESLint resolves the import from there, so every import names a real
 * file). Each must be rejected by the rule named; the allowed imports below must pass, so a rule
 * that rejected everything would fail here too.
 */
const PATHS = 'import-x/no-restricted-paths';
const PACKAGES = 'no-restricted-imports';

const FORBIDDEN: { in: string; imports: string; rule: string }[] = [
  // domain: itself and pure libraries only
  { in: 'src/domain/x.ts', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../api/request.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../workers/shared/pool.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../editor/store.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../ui/dialog.tsx', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../app/router.tsx', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../cli/args.ts', rule: PATHS },
  { in: 'src/domain/steps/x.ts', imports: '../../../mocks/handlers.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: 'react', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: 'react-dom/client', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: '@xyflow/react', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: '@tanstack/react-query', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: 'dexie', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: 'msw', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: 'node:fs', rule: PACKAGES },
  // storage: domain and Dexie
  { in: 'src/storage/x.ts', imports: '../workers/shared/pool.ts', rule: PATHS },
  { in: 'src/storage/x.ts', imports: '../api/request.ts', rule: PATHS },
  { in: 'src/storage/x.ts', imports: '../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/storage/x.ts', imports: '../editor/store.ts', rule: PATHS },
  // api: domain only
  { in: 'src/api/x.ts', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/api/x.ts', imports: '../workers/shared/pool.ts', rule: PATHS },
  { in: 'src/api/x.ts', imports: 'dexie', rule: PACKAGES },
  // workers: domain and storage
  { in: 'src/workers/clv/x.ts', imports: '../../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/workers/clv/x.ts', imports: '../../editor/store.ts', rule: PATHS },
  { in: 'src/workers/clv/x.ts', imports: '../../api/request.ts', rule: PATHS },
  { in: 'src/workers/clv/x.ts', imports: '../../ui/dialog.tsx', rule: PATHS },
  { in: 'src/workers/clv/x.ts', imports: 'react', rule: PACKAGES },
  // editor: domain only
  { in: 'src/editor/x.ts', imports: '../workers/shared/pool.ts', rule: PATHS },
  { in: 'src/editor/x.ts', imports: '../api/request.ts', rule: PATHS },
  { in: 'src/editor/x.ts', imports: '../ui/dialog.tsx', rule: PATHS },
  { in: 'src/editor/x.ts', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/editor/x.ts', imports: '../features/editor/editor-page.tsx', rule: PATHS },
  { in: 'src/editor/x.ts', imports: 'react', rule: PACKAGES },
  { in: 'src/editor/x.ts', imports: '@xyflow/react', rule: PACKAGES },
  // features: never another feature, the app, the CLI or Dexie itself
  { in: 'src/features/journeys/x.ts', imports: '../editor/editor-page.tsx', rule: PATHS },
  {
    in: 'src/features/journeys/x.ts',
    imports: '../../features/editor/editor-page.tsx',
    rule: PATHS,
  },
  {
    in: 'src/features/publish/deep/x.ts',
    imports: '../../simulation/run-progress.tsx',
    rule: PATHS,
  },
  { in: 'src/features/journeys/x.ts', imports: '../../app/router.tsx', rule: PATHS },
  { in: 'src/features/journeys/x.ts', imports: '../../cli/args.ts', rule: PATHS },
  { in: 'src/features/journeys/x.ts', imports: '../../../mocks/handlers.ts', rule: PATHS },
  { in: 'src/features/journeys/x.ts', imports: 'dexie', rule: PACKAGES },
  { in: 'src/features/journeys/x.ts', imports: 'dexie-react-hooks', rule: PACKAGES },
  // ui: domain and itself
  { in: 'src/ui/x.tsx', imports: '../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/ui/x.tsx', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/ui/x.tsx', imports: '../app/router.tsx', rule: PATHS },
  { in: 'src/ui/x.tsx', imports: '../workers/shared/pool.ts', rule: PATHS },
  { in: 'src/ui/x.tsx', imports: 'dexie-react-hooks', rule: PACKAGES },
  // i18n: the language layer knows the domain only
  { in: 'src/i18n/x.ts', imports: '../ui/dialog.tsx', rule: PATHS },
  { in: 'src/i18n/x.ts', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/i18n/x.ts', imports: '../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/i18n/x.ts', imports: 'dexie', rule: PACKAGES },
  { in: 'src/domain/x.ts', imports: '../i18n/locales.ts', rule: PATHS },
  { in: 'src/cli/x.ts', imports: '../i18n/locales.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: 'react-intl', rule: PACKAGES },
  // app: anything but the Node-only folders
  { in: 'src/app/x.tsx', imports: '../cli/args.ts', rule: PATHS },
  { in: 'src/app/x.tsx', imports: 'dexie', rule: PACKAGES },
  // cli: domain and Node
  { in: 'src/cli/x.ts', imports: '../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/cli/x.ts', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/cli/x.ts', imports: 'react', rule: PACKAGES },
  // executor: domain and Node
  { in: 'src/executor/x.ts', imports: '../storage/db.ts', rule: PATHS },
  { in: 'src/executor/x.ts', imports: '../features/journeys/use-journeys.ts', rule: PATHS },
  { in: 'src/executor/x.ts', imports: 'react', rule: PACKAGES },
  { in: 'src/executor/x.ts', imports: '../api/request.ts', rule: PATHS },
  // nothing else imports the executor (Node only)
  { in: 'src/app/x.tsx', imports: '../executor/executor.ts', rule: PATHS },
  { in: 'src/features/publish/x.ts', imports: '../../executor/executor.ts', rule: PATHS },
  { in: 'src/domain/x.ts', imports: '../executor/executor.ts', rule: PATHS },
  { in: 'src/cli/x.ts', imports: '../executor/executor.ts', rule: PATHS },
  { in: 'src/api/x.ts', imports: '../executor/executor.ts', rule: PATHS },
];

const ALLOWED: { in: string; imports: string }[] = [
  { in: 'src/domain/x.ts', imports: './index.ts' },
  { in: 'src/domain/x.ts', imports: 'zod' },
  { in: 'src/storage/x.ts', imports: '../domain/index.ts' },
  { in: 'src/storage/x.ts', imports: 'dexie' },
  { in: 'src/workers/clv/x.ts', imports: '../../storage/db.ts' },
  { in: 'src/editor/x.ts', imports: '../domain/index.ts' },
  { in: 'src/features/journeys/x.ts', imports: './use-journeys.ts' },
  { in: 'src/features/journeys/x.ts', imports: '../../storage/use-live-read.ts' },
  { in: 'src/features/journeys/x.ts', imports: '../../workers/shared/pool.ts' },
  { in: 'src/features/journeys/x.ts', imports: '../../editor/store.ts' },
  { in: 'src/features/journeys/x.ts', imports: '../../api/request.ts' },
  { in: 'src/features/journeys/x.ts', imports: '../../ui/dialog.tsx' },
  { in: 'src/features/journeys/x.ts', imports: 'react' },
  { in: 'src/ui/x.tsx', imports: '../domain/index.ts' },
  { in: 'src/ui/x.tsx', imports: '../i18n/format-locale.ts' },
  { in: 'src/ui/x.tsx', imports: 'react-intl' },
  { in: 'src/features/journeys/x.ts', imports: '../../i18n/locale-context.ts' },
  { in: 'src/i18n/x.ts', imports: 'react-intl' },
  { in: 'src/i18n/x.ts', imports: '../domain/index.ts' },
  { in: 'src/app/x.tsx', imports: '../features/journeys/use-journeys.ts' },
  { in: 'src/app/x.tsx', imports: '../../mocks/handlers.ts' },
  { in: 'src/cli/x.ts', imports: 'node:fs' },
  { in: 'src/executor/x.ts', imports: '../domain/index.ts' },
  { in: 'src/executor/x.ts', imports: '../api/contract.ts' },
];

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

async function rulesBroken(file: string, specifier: string): Promise<string[]> {
  const code = `import * as imported from '${specifier}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('import boundaries (eslint.config.js)', { timeout: 120_000 }, () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it.each(FORBIDDEN)(
    'rejects $imports in $in ($rule)',
    async (c) => {
      expect(await rulesBroken(c.in, c.imports)).toContain(c.rule);
    },
    30_000,
  );

  it.each(ALLOWED)(
    'allows $imports in $in',
    async (c) => {
      expect(await rulesBroken(c.in, c.imports)).toEqual([]);
    },
    30_000,
  );
});
