import './workers/shared/no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startMockBackend } from './app/mock-backend';
import { showStartUpNotice } from './app/start-up-notices';
import { failureReasonOf } from './domain/failure/failure-reason';
import { initialLocale } from './i18n/locale-preference';
import { loadMessages } from './i18n/load-messages';
import './app/global.css';

async function boot() {
  const locale = initialLocale();
  document.documentElement.lang = locale;
  // A French user's catalogue loads alongside the mock backend, before the first paint.
  // A browser that refuses the mock backend's service worker (a private window, a site setting,
  // a page not served from a secure origin) still gets the app, told that /api will not answer.
  const [messages] = await Promise.all([
    loadMessages(locale),
    startMockBackend().catch(() => showStartUpNotice({ kind: 'mockBackendFailed' })),
  ]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App locale={locale} messages={messages} />
    </StrictMode>,
  );
  // The lists read IndexedDB live, so demo content appears as soon as it is stored.
  const { cleanUpInterruptedImports, seedDemoContent } = await import('./app/seed-demo');
  // Not awaited: it waits for imports running (or still shutting down) in any tab. One that
  // fails removes nothing and is tried again at the next start.
  cleanUpInterruptedImports().catch(() => undefined);
  // Demo content that cannot be stored (storage full, unavailable) is said, and the app's
  // background work starts all the same; the next start tries the demo again.
  await seedDemoContent().catch((error: unknown) =>
    showStartUpNotice({ kind: 'demoNotStored', reason: failureReasonOf(error) }),
  );
  const { startBackgroundWork } = await import('./app/background-work.ts');
  startBackgroundWork();
}

void boot();
