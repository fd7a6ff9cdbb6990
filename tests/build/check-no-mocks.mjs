#!/usr/bin/env node
// Fails (exit 1) when a production build holds any part of the MSW mock backend.
// Usage: node tests/build/check-no-mocks.mjs [distDir] [--allow-static-worker]
// The static worker script (public/mockServiceWorker.js, copied to dist/ by Vite) does nothing
// unless registered; --allow-static-worker reports it without failing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const allowStaticWorker = args.includes('--allow-static-worker');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const MARKERS = [/mockServiceWorker/, /setupWorker/, /\bmsw\b/i, /__mock\/faults/];
const SCANNED = /\.(m?js|html|css|json|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

let failures = 0;
let scanned = 0;
try {
  statSync(dist);
} catch {
  console.error(`check-no-mocks: ${dist} does not exist; run the build first.`);
  process.exit(1);
}
for (const file of files(dist)) {
  const rel = path.relative(dist, file);
  if (path.basename(file) === 'mockServiceWorker.js') {
    const note = `check-no-mocks: ${rel} is the MSW worker script (copied from public/)`;
    if (allowStaticWorker) console.warn(`${note}; allowed.`);
    else {
      console.error(`${note}; leave it out of production builds.`);
      failures++;
    }
    continue;
  }
  if (!SCANNED.test(file)) continue;
  scanned++;
  const text = readFileSync(file, 'utf8');
  for (const marker of MARKERS) {
    const match = marker.exec(text);
    if (match) {
      const around = text.slice(Math.max(0, match.index - 40), match.index + 40);
      console.error(`check-no-mocks: ${rel} contains ${marker}: …${around}…`);
      failures++;
    }
  }
}
if (failures > 0) {
  console.error(`check-no-mocks: ${failures} problem(s) in ${dist}.`);
  process.exit(1);
}
console.log(`check-no-mocks: ${scanned} files in ${dist}, no mock backend.`);
