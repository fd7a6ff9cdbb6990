/**
 * How browsers word a failed `import()` of a chunk, and Vite a failed preload of its styles: after
 * a deploy, a tab opened before it asks for chunks the server no longer has. There is no error
 * code for it, so the wording is all there is to tell it from a fault of the page.
 */
const CHUNK_LOAD_FAILURES = [
  /dynamically imported module/i, // Chromium: "Failed to fetch …", Firefox: "error loading …"
  /importing a module script failed/i, // Safari
  /unable to preload css/i, // Vite
];

/** Whether `error` is the app's own code that could not be fetched: a newer build replaced it. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_LOAD_FAILURES.some((p) => p.test(error.message));
}
