// Shared setup for every unit test. DOM-only stand-ins live in ./dom-setup.ts and are
// loaded by tests that opt into jsdom with `// @vitest-environment jsdom`.
import '@testing-library/jest-dom/vitest';
import { vi } from 'vitest';

// The template engine as every Node entry installs it (the browser loads it on first use).
import * as liquid from 'liquidjs';
import { installTemplateEngine } from '../../src/domain/templating/liquid-engine.ts';
installTemplateEngine(liquid, () => performance.now());

// Component tests render inside the app's LocaleProvider, in English (see ./english-locale.tsx).
vi.mock('@testing-library/react', async (importOriginal) => {
  const rtl = await importOriginal<typeof import('@testing-library/react')>();
  const { inEnglish } = await import('./english-locale.tsx');
  type Wrapper = Parameters<typeof inEnglish>[0];
  const render = (ui: Parameters<typeof rtl.render>[0], options?: { wrapper?: Wrapper }) =>
    rtl.render(ui, { ...options, wrapper: inEnglish(options?.wrapper) });
  const renderHook = (
    hook: (props: unknown) => unknown,
    options?: { wrapper?: Wrapper; initialProps?: unknown },
  ) => rtl.renderHook(hook, { ...options, wrapper: inEnglish(options?.wrapper) });
  return { ...rtl, render, renderHook };
});
