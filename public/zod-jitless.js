// zod 4 reads its settings from this global as it loads. Set before any module runs, so no schema
// is ever compiled with `new Function` nor probes for it, which the Content-Security-Policy (no
// 'unsafe-eval') reports: `z.config` in src/workers/shared/no-eval.ts runs only after the chunks
// the entry imports, and one of them parses while it loads.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
