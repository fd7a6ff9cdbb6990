// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import formatjs from 'eslint-plugin-formatjs';

/**
 * Import boundaries as allow-lists: each folder of src/ names the folders it may import, and
 * import-x resolves every import to a file, so `../../features/x` and `../storage` are judged by
 * where they land, not by how they are spelled. Packages are allow-listed by name per folder.
 * tests/lint/boundaries.test.ts holds one forbidden import per rule, which lint must reject.
 */
const ROOT = import.meta.dirname;
const FOLDERS = [
  'domain',
  'storage',
  'api',
  'workers',
  'editor',
  'i18n',
  'features',
  'ui',
  'app',
  'cli',
  'executor',
];
const FEATURES = ['journeys', 'editor', 'profiles', 'simulation', 'publish', 'forecast'];

/** What each folder may import from src/ (itself always), and why. */
const LAYERS = {
  domain: { may: [], why: 'The domain is pure: it imports only itself.' },
  storage: { may: ['domain'], why: 'Storage depends only on the domain.' },
  api: { may: ['domain'], why: 'The backend client depends only on the domain.' },
  workers: {
    may: ['domain', 'storage'],
    why: 'Workers run domain code and read stored sets: domain and storage only.',
  },
  editor: {
    may: ['domain'],
    why: 'Editor state runs under tests without React: domain only (no workers, api, ui or storage).',
  },
  i18n: {
    may: ['domain'],
    why: 'The language layer (catalogues, locale, formatting) knows the domain and itself only.',
  },
  ui: {
    may: ['domain', 'i18n'],
    why: 'Shared UI knows domain types, the language layer and itself, never features or storage.',
  },
  cli: { may: ['domain'], why: 'The CLI runs the domain in Node.' },
  executor: {
    may: ['domain', 'api/contract.ts', 'api/executor-contract.ts'],
    why: "The executor runs the domain in Node and speaks the app client's contract (src/api/contract.ts and executor-contract.ts: zod schemas only).",
  },
};

/** A zone forbidding everything in src/ except `allowed` (paths under src/) for files in `target`. */
const onlyFrom = (target, allowed, why) => ({
  target,
  from: 'src',
  except: allowed.map((folder) => `./${folder}`),
  message: why,
});

const zones = [
  ...Object.entries(LAYERS).map(([folder, { may, why }]) =>
    onlyFrom(`src/${folder}`, [folder, ...may], why),
  ),
  ...FEATURES.map((feature) =>
    onlyFrom(
      `src/features/${feature}`,
      ['domain', 'storage', 'api', 'workers', 'editor', 'i18n', 'ui', `features/${feature}`],
      'A feature never imports another feature or the app: compose them in src/app.',
    ),
  ),
  {
    target: ['src/app', 'src/main.tsx'],
    from: ['src/cli', 'src/executor'],
    message: 'The app never imports the CLI or the executor (Node only).',
  },
  {
    target: FOLDERS.filter((f) => f !== 'app').map((f) => `src/${f}`),
    from: 'mocks',
    message: 'The mock backend is wired in by the app only.',
  },
];

/** Bare specifiers a folder may import, as one regex: anything else is rejected. */
const packagesOnly = (allowed, why) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [{ regex: `^(?![./])(?!(${allowed.join('|')})(/|$))`, message: why }],
    },
  ],
});
const PURE = ['zod', 'papaparse', 'jsonc-parser', 'liquidjs'];
const UI = [
  'react',
  'react-dom',
  '@xyflow/react',
  '@radix-ui/[^/]+',
  '@visx/[^/]+',
  '@tanstack/[^/]+',
  'react-router',
  'react-intl',
  'elkjs',
  // Sanitises the email preview's HTML before it goes into a sandboxed frame.
  'dompurify',
];
const NODE = ['node:[^/]+'];
/** Packages per folder; dexie and dexie-react-hooks live in src/storage alone. */
const PACKAGES = {
  domain: [
    PURE,
    'The domain is pure: zod, papaparse, jsonc-parser and liquidjs only (no React, DOM libraries, Dexie, MSW or Node).',
  ],
  storage: [[...PURE, 'dexie', 'dexie-react-hooks'], 'Storage: Dexie and pure libraries.'],
  api: [
    [...PURE, '@tanstack/react-query', 'react'],
    'The api client: TanStack Query, React hooks and pure libraries.',
  ],
  workers: [PURE, 'Workers: pure libraries only.'],
  editor: [[...PURE, 'elkjs'], 'Editor state: no React, React Flow or Dexie.'],
  i18n: [
    [...PURE, 'react', 'react-intl', 'virtual:wayfinder-messages'],
    'The language layer: React, react-intl and its catalogues (served by vite.config.ts).',
  ],
  ui: [[...PURE, ...UI], 'UI: React and UI libraries; no Dexie (storage gives hooks).'],
  features: [[...PURE, ...UI], 'Features: React and UI libraries; Dexie only through src/storage.'],
  app: [
    [...PURE, ...UI, 'msw', 'msw/.+'],
    'The app: UI libraries and the mock backend; Dexie only through src/storage.',
  ],
  cli: [[...PURE, ...NODE], 'The CLI: Node and pure libraries.'],
};

/**
 * formatjs/no-literal-string-in-jsx, reporting only strings with a letter in them: `{' '}` (which
 * Prettier writes at line breaks), `—`, `/` and `▲` are not text to translate.
 */
const literalRule = formatjs.rules['no-literal-string-in-jsx'];
const hasLetter = (node) => {
  const text =
    node.type === 'JSXAttribute'
      ? String(node.value?.value ?? '')
      : node.type === 'TemplateLiteral'
        ? node.quasis.map((q) => q.value.raw).join('')
        : String(node.value ?? '');
  return /\p{L}/u.test(text);
};
const i18nRules = {
  rules: {
    'no-literal-text': {
      meta: literalRule.meta,
      create(context) {
        const lettersOnly = Object.create(context, {
          report: { value: (report) => hasLetter(report.node) && context.report(report) },
        });
        return literalRule.create(lettersOnly);
      },
    },
  },
};

/** Folders whose JSX must take its text from the catalogues. */
const TRANSLATED = [
  'src/i18n/**/*.tsx',
  'src/app/**/*.tsx',
  'src/features/**/*.tsx',
  'src/ui/**/*.tsx',
];

/** Files inside TRANSLATED folders still being converted. */
/** @type {string[]} */
const NOT_YET_TRANSLATED = [];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-live',
      'bench-results',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'conformance-out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }] },
  },
  ...Object.entries(PACKAGES).map(([folder, [allowed, why]]) => ({
    files: [`src/${folder}/**`],
    rules: packagesOnly(allowed, why),
  })),
  {
    // UI text comes from the catalogues (src/i18n/messages): a literal string in JSX text or in
    // a visible attribute (label, placeholder, title, alt, aria-label…) is an error in the folders
    // converted so far. The list grows folder by folder until it covers features, ui and app.
    files: TRANSLATED,
    ignores: NOT_YET_TRANSLATED,
    plugins: { i18n: i18nRules },
    rules: {
      'i18n/no-literal-text': [
        'error',
        { props: { include: [['*', '{label,placeholder,title,alt}']] } },
      ],
    },
  },
  {
    files: ['src/executor/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(react|react-dom|@xyflow/.*|@tanstack/.*|@radix-ui/.*|@visx/.*|dexie|dexie-react-hooks|msw)(/|$)',
              message: 'The executor runs in Node: no browser, UI or Dexie libraries.',
            },
          ],
        },
      ],
    },
  },
);
