/// <reference types="vitest/config" />
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseIcu } from '@formatjs/icu-messageformat-parser';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import {
  LIVE_MESSAGE_ID,
  PAGE_MESSAGE_ID,
  PUBLISH_MESSAGE_ID,
  RESULT_MESSAGE_ID,
} from './src/i18n/page-messages.ts';

/**
 * The production Content-Security-Policy. No inline or eval'd script anywhere; scripts and
 * workers (module workers, MSW's service worker in demo builds) only from the app's origin.
 * Styles allow 'unsafe-inline' because Radix's scroll lock adds a <style> element; style
 * attributes React sets through the CSSOM are not subject to CSP. `connect-src` allows any
 * https backend (the user types its URL) and local ones for development backends.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Directives a <meta> tag cannot carry: `vite preview` and real hosts send them as headers. */
export const HEADER_ONLY_POLICY = "frame-ancestors 'none'";

/** Puts the policy in a <meta> tag right after the charset, before any script or style. */
export function injectCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (charset.test(html)) return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
  return html.replace(/<head>/i, `<head>\n    ${meta}`);
}

/** Adds the policy at build time only: the dev server's hot reload uses inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'wayfinder:content-security-policy',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: injectCsp },
  };
}

/** Vite copies public/ whole; a build without the mock backend must not ship MSW's worker script. */
function dropMockWorker(keep: boolean): Plugin {
  let outDir = 'dist';
  return {
    name: 'wayfinder:drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (!keep) await rm(path.join(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

const MESSAGES_PREFIX = 'virtual:wayfinder-messages/';
/** Ids English loads just after the first paint: problems, which the screens can word late. */
const DEFERRED_PREFIXES = ['diagnostic.', 'restore.'];

/**
 * Serves `virtual:wayfinder-messages/<locale>`: src/i18n/messages/<locale>.json with every message
 * (English without the ids only lazy pages use, served as `en/pages`: src/i18n/page-messages.ts)
 * parsed to its ICU syntax tree, as `formatjs compile --ast` writes it. The app then ships
 * react-intl without the message parser (aliased to its no-parser build below), and nothing
 * generated is checked in: dev, build and tests all read the catalogue itself.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'wayfinder:messages',
    resolveId(id) {
      return id.startsWith(MESSAGES_PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${MESSAGES_PREFIX}`)) return null;
      const match = /^([a-z]{2})(?:\/(diagnostics|pages|results|live|publish))?$/.exec(
        id.slice(MESSAGES_PREFIX.length + 1),
      );
      if (match === null) throw new Error(`No catalogue for "${id}"`);
      const [, locale = '', wanted] = match;
      const file = path.resolve(import.meta.dirname, 'src/i18n/messages', `${locale}.json`);
      this.addWatchFile(file);
      const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      // English ships in the first load without its diagnostic messages (`en/diagnostics`,
      // fetched just after) and without those only lazy pages use (`en/pages`, fetched with
      // them); every other language is one lazy chunk with everything.
      const partOf = (key: string) =>
        DEFERRED_PREFIXES.some((p) => key.startsWith(p))
          ? 'diagnostics'
          : PAGE_MESSAGE_ID.test(key)
            ? 'pages'
            : RESULT_MESSAGE_ID.test(key)
              ? 'results'
              : LIVE_MESSAGE_ID.test(key)
                ? 'live'
                : PUBLISH_MESSAGE_ID.test(key)
                  ? 'publish'
                  : undefined;
      const part = (key: string) =>
        locale !== 'en' ? wanted === undefined : partOf(key) === wanted;
      const compiled = Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => part(key))
          .map(([key, message]) => [key, parseIcu(message)]),
      );
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [
      precompiledMessages(),
      react(),
      dropMockWorker(env.VITE_MOCK_BACKEND === 'on'),
      contentSecurityPolicy(),
    ],
    // The catalogues come parsed (see precompiledMessages), so the app needs no ICU parser.
    // Tests keep the real one: the catalogue checks parse messages themselves.
    resolve: process.env.VITEST
      ? {}
      : {
          alias: [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
            },
          ],
        },
    // The manifest lets tests/build/check-bundle-budget.mjs follow what each screen loads first.
    build: { manifest: true },
    worker: { format: 'es' },
    server: {
      host: '127.0.0.1',
      port: 5173,
      // `npm run demo:live`: the app's default backend (/api) is the reference executor.
      ...(process.env.WAYFINDER_EXECUTOR_URL
        ? {
            proxy: {
              '/api': {
                target: process.env.WAYFINDER_EXECUTOR_URL,
                rewrite: (p: string) => p.replace(/^\/api/, ''),
              },
            },
          }
        : {}),
    },
    preview: {
      host: '127.0.0.1',
      port: 4173,
      headers: {
        'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_POLICY}`,
      },
    },
    test: {
      include: ['tests/unit/**/*.test.{ts,tsx}'],
      environment: 'node',
      setupFiles: ['tests/setup/vitest-setup.ts'],
      pool: 'threads',
      // CI is a loaded two-core machine where a test can take several times what it takes here:
      // limits far above the work, so only a hang fails. Heavy tests (fuzz, property, conformance,
      // spawned processes) set longer ones of their own; findBy/waitFor wait up to 15 s
      // (tests/setup/dom-setup.ts), under these so their failures name what they waited for.
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
});
