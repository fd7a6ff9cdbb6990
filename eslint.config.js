// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries: imports point one way, domain <- storage/api/workers/editor <- features <- app. */
const uiAndEdges = [
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/*',
  '@tanstack/*',
  'dexie',
  'dexie-react-hooks',
  'msw',
  'msw/*',
  'react-router',
];
/** Feature folders; each may import the domain, edges and ui, never another feature. */
const FEATURES = ['journeys', 'editor', 'profiles', 'simulation', 'publish', 'forecast'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
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
    files: ['src/domain/**'],
    rules: restrict(
      [
        ...uiAndEdges,
        '**/storage/**',
        '**/api/**',
        '**/features/**',
        '**/editor/**',
        '**/app/**',
        '**/workers/**',
        '**/ui/**',
      ],
      'The domain is pure TypeScript: no React, React Flow, Dexie, TanStack Query, storage, api or UI code.',
    ),
  },
  {
    files: ['src/editor/**'],
    rules: restrict(
      ['react', 'react-dom', '@xyflow/*', 'dexie', '**/features/**', '**/app/**', '**/storage/**'],
      'Editor state has no JSX, no storage and no features: it runs under tests without React.',
    ),
  },
  {
    files: ['src/storage/**', 'src/api/**', 'src/workers/**'],
    rules: restrict(
      ['**/features/**', '**/app/**', '**/editor/**'],
      'Edges (storage, api, workers) depend only on the domain.',
    ),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**'], message: 'Features never import the app layer.' },
            {
              regex: `^(\\.\\./)+(${FEATURES.filter((f) => f !== feature).join('|')})/`,
              message: 'Features never import each other: compose them in src/app.',
            },
          ],
        },
      ],
    },
  })),
);
