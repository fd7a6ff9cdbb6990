import './workers/shared/no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startMockBackend } from './app/mock-backend';
import { showStartUpNotice } from './app/start-up-notices';
import { failureReasonOf } from './domain/failure/failure-reason';
import { initialLocale } from './i18n/locale-preference';
import { ENGLISH_MESSAGES, loadMessages, type Messages } from './i18n/load-messages';
import type { Locale } from './i18n/locales';
import './app/global.css';

/**
 * The reader's language and its catalogue; English, bundled, when the catalogue does not load
 * (a dropped connection, a deploy that replaced the chunk): the app starts either way, and says so.
 */
async function startingLanguage(
  preferred: Locale,
): Promise<{ locale: Locale; messages: Messages }> {
  try {
    return { locale: preferred, messages: await loadMessages(preferred) };
  } catch {
    showStartUpNotice({ kind: 'languageNotLoaded' });
    return { locale: 'en', messages: ENGLISH_MESSAGES };
  }
}

async function boot() {
  // A French user's catalogue loads alongside the mock backend, before the first paint.
  // A browser that refuses the mock backend's service worker (a private window, a site setting,
  // a page not served from a secure origin) still gets the app, told that /api will not answer.
  const [{ locale, messages }] = await Promise.all([
    startingLanguage(initialLocale()),
    startMockBackend().catch(() => showStartUpNotice({ kind: 'mockBackendFailed' })),
  ]);
  document.documentElement.lang = locale;
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
