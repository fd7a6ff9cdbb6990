// Shared setup for every unit test. DOM-only stand-ins live in ./dom-setup.ts and are
// loaded by tests that opt into jsdom with `// @vitest-environment jsdom`.
import '@testing-library/jest-dom/vitest';
