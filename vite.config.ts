/// <reference types="vitest/config" />
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [react(), dropMockWorker(env.VITE_MOCK_BACKEND === 'on')],
    // The manifest lets tests/build/check-bundle-budget.mjs follow what each screen loads first.
    build: { manifest: true },
    worker: { format: 'es' },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    test: {
      include: ['tests/unit/**/*.test.{ts,tsx}'],
      environment: 'node',
      setupFiles: ['tests/setup/vitest-setup.ts'],
      pool: 'threads',
      testTimeout: 20_000,
    },
  };
});
