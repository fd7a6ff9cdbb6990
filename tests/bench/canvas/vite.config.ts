import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the bench page is built; outside the repository so nothing stale is committed. */
export const BENCH_OUT_DIR = join(tmpdir(), 'wayfinder-canvas-bench');

/** Builds the canvas bench page (tests/bench/canvas/index.html) as a production bundle. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  // BENCH_MINIFY=0 keeps names readable in CPU profiles of the bench page.
  build: { outDir: BENCH_OUT_DIR, emptyOutDir: true, minify: process.env.BENCH_MINIFY !== '0' },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
