import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

const port = Number(process.env.E2E_PORT ?? 4175);

/**
 * Browser tests against a real reference executor on a real Postgres (tests/e2e-live): the
 * global set-up starts both; kept apart from `npm run test:e2e`, which needs no database. The
 * app is the demo build (its mock answers /api); Backend settings point it at the executor.
 */
export default defineConfig({
  testDir: 'tests/e2e-live',
  globalSetup: './tests/e2e-live/global-setup.ts',
  timeout: 240_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build --mode demo --outDir dist-live --emptyOutDir && npx vite preview --outDir dist-live --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 240_000,
  },
});
