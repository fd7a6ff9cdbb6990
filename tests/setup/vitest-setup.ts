// Shared setup for every unit test. DOM-only stand-ins live in ./dom-setup.ts and are
// loaded by tests that opt into jsdom with `// @vitest-environment jsdom`.
import '@testing-library/jest-dom/vitest';

// The template engine as every Node entry installs it (the browser loads it on first use).
import * as liquid from 'liquidjs';
import { installTemplateEngine } from '../../src/domain/templating/liquid-engine.ts';
installTemplateEngine(liquid);
