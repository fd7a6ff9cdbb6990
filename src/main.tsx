import './workers/shared/no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startMockBackend } from './app/mock-backend';
import { initialLocale } from './i18n/locale-preference';
import { loadMessages } from './i18n/load-messages';
import './app/global.css';

async function boot() {
  const locale = initialLocale();
  document.documentElement.lang = locale;
  // A French user's catalogue loads alongside the mock backend, before the first paint.
  const [messages] = await Promise.all([loadMessages(locale), startMockBackend()]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App locale={locale} messages={messages} />
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
