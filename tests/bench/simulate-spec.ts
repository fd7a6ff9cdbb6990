// The compiled 20-step bench journey and its options, shared by the Node and the Chromium bench.
import { compile } from '../../src/domain/compile/compile.ts';
import type { Spec } from '../../src/domain/compile/spec-schema.ts';
import { BENCH_DAYS, BENCH_START, benchJourney } from './simulate-floor.ts';

/** 90 days from the bench start, seed 1. */
export const BENCH_OPTIONS = { start: BENCH_START, horizonDays: BENCH_DAYS, seed: 1 };

/** The 20-step bench journey, compiled. */
export function benchSpec(): Spec {
  const { spec, diagnostics } = compile(benchJourney());
  if (spec === null)
    throw new Error(`bench journey does not compile: ${diagnostics.map((d) => d.code).join(', ')}`);
  return spec;
}
