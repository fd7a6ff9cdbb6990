#!/usr/bin/env node
// Fails (exit 1) when the JavaScript a person downloads before a screen can show passes its budget.
// Reads the Vite manifest of a production build (vite.config.ts writes .vite/manifest.json) and
// follows static imports only: what a route loads later, on first use, is not first-load code.
// Usage: node tests/build/check-bundle-budget.mjs [distDir] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in KB of gzip, for the screens a person opens first. */
const BUDGETS = [
  { screen: 'the journey list', routes: ['src/app/journey-list-route.tsx'], budgetKb: 250 },
  {
    screen: 'the journey list, then a journey in the editor',
    routes: ['src/app/journey-list-route.tsx', 'src/app/editor-route.tsx'],
    budgetKb: 350,
  },
];

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error(
    `check-bundle-budget: no ${dist}/.vite/manifest.json; run \`npm run build\` first.`,
  );
  process.exit(1);
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const gzipCache = new Map();
const gzipKb = (file) => {
  if (!gzipCache.has(file))
    gzipCache.set(file, gzipSync(readFileSync(path.join(dist, file))).length / 1024);
  return gzipCache.get(file);
};

/** Every chunk a module pulls in before it runs: itself and its static imports, transitively. */
function staticClosure(keys) {
  const seen = new Set();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`check-bundle-budget: ${key} is not in the manifest`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
  }
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

const rows = BUDGETS.map(({ screen, routes, budgetKb }) => {
  const files = staticClosure([entry, ...routes]);
  const kb = files.reduce((sum, file) => sum + gzipKb(file), 0);
  const largest = files
    .map((file) => ({ file, kb: gzipKb(file) }))
    .sort((a, b) => b.kb - a.kb)
    .slice(0, 3);
  return { screen, kb: Math.round(kb * 10) / 10, budgetKb, ok: kb <= budgetKb, largest };
});

if (args.includes('--json')) console.log(JSON.stringify(rows));
else
  for (const row of rows) {
    const biggest = row.largest.map((l) => `${l.file} ${l.kb.toFixed(1)} KB`).join(', ');
    console.log(
      `${row.ok ? 'ok  ' : 'OVER'} ${row.screen}: ${row.kb} KB gzip (budget ${row.budgetKb} KB); largest: ${biggest}`,
    );
  }
process.exit(rows.every((row) => row.ok) ? 0 : 1);
