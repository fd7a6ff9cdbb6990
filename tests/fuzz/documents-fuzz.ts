/**
 * The documents-and-specs fuzz run at any size: `npx tsx tests/fuzz/documents-fuzz.ts 100000
 * [seed]`. `npm test` runs 10,000 of the same cases; this prints what a larger run saw.
 */
import fc from 'fast-check';
import { FuzzChecker } from './check-input.ts';
import { baseInputs, buildCase, fuzzCaseArb } from './document-mutations.ts';

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 20261206);
const checker = new FuzzChecker();
const bases = baseInputs();
const started = performance.now();
try {
  await fc.assert(
    fc.asyncProperty(fuzzCaseArb, async (c) => {
      const { input, mustBeInvalid } = buildCase(bases, c);
      await checker.check(input, c.asSpec, mustBeInvalid);
    }),
    { seed, numRuns: runs },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(JSON.stringify({ seed, ...checker.stats, uncaught: 0, seconds }, null, 2));
} finally {
  checker.dispose();
}
