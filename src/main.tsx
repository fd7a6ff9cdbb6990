import './workers/shared/no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startMockBackend } from './app/mock-backend';
import './app/global.css';

async function boot() {
  await startMockBackend();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The lists read IndexedDB live, so demo content appears as soon as it is stored.
  const { cleanUpInterruptedImports, seedDemoContent } = await import('./app/seed-demo');
  await cleanUpInterruptedImports();
  await seedDemoContent();
  const { startBackgroundWork } = await import('./app/background-work.ts');
  startBackgroundWork();
}

void boot();
