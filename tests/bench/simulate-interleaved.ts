// Engine against floor, interleaved: alternates one engine run and one floor run for `rounds`
// rounds on the same 100,000 profiles, and prints each side's median, so load swings hit both.
// Run: npx tsx tests/bench/simulate-interleaved.ts [rounds]
import { createSimulationPlan } from '../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../src/domain/simulate/profile-columns.ts';
import { simulatePartition } from '../../src/domain/simulate/simulate.ts';
import { benchProfiles } from './simulate-floor.ts';
import { runFloor } from './simulate-floor-loop.ts';
import { floorMismatch } from './simulate-floor-result.ts';
import { BENCH_OPTIONS, benchSpec } from './simulate-spec.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Wall time and CPU time (the process's, user + system) of one run, in ms. */
function timed(work: () => void, cpu: number[]): number {
  const c = process.cpuUsage();
  const t = performance.now();
  work();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  return wall;
}

const rounds = Number(process.argv[2] ?? 15);
const spec = benchSpec();
const profiles = profileColumns(benchProfiles(100_000));
const engine = (): void => {
  simulatePartition(createSimulationPlan(spec, BENCH_OPTIONS), profiles, 0);
};
const floor = (): void => {
  runFloor(profiles, BENCH_OPTIONS.seed);
};
const mismatch = floorMismatch(
  runFloor(profiles, BENCH_OPTIONS.seed),
  simulatePartition(createSimulationPlan(spec, BENCH_OPTIONS), profiles, 0),
);
if (mismatch !== null) throw new Error(`the floor and the engine differ at ${mismatch}`);
for (let i = 0; i < 3; i++) {
  engine();
  floor();
}
const engineMs: number[] = [];
const floorMs: number[] = [];
const engineCpu: number[] = [];
const floorCpu: number[] = [];
for (let i = 0; i < rounds; i++) {
  engineMs.push(timed(engine, engineCpu));
  floorMs.push(timed(floor, floorCpu));
}
const e = median(engineMs);
const f = median(floorMs);
console.log(
  `engine median ${e.toFixed(1)} ms (min ${Math.min(...engineMs).toFixed(1)}), floor median ${f.toFixed(1)} ms (min ${Math.min(...floorMs).toFixed(1)}), ratio of medians ${(e / f).toFixed(2)}×, ratio of minima ${(Math.min(...engineMs) / Math.min(...floorMs)).toFixed(2)}× over ${rounds} rounds`,
);
const ec = median(engineCpu);
const fc = median(floorCpu);
console.log(
  `CPU time: engine median ${ec.toFixed(1)} ms, floor median ${fc.toFixed(1)} ms, ratio ${(ec / fc).toFixed(2)}×`,
);
