import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, simulate, TEMPLATES, type Profile } from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import {
  profileColumns,
  type ProfileColumns,
} from '../../../src/domain/simulate/profile-columns.ts';
import type { WorkerScope } from '../../../src/workers/shared/worker-scope.ts';
import type { SetLoader } from '../../../src/workers/simulation/set-loader.ts';
import { hostSimulation, WORKER_MARKS } from '../../../src/workers/simulation/simulation-host.ts';
import type {
  SimulationWorkerEvent,
  SimulationWorkerRequest,
} from '../../../src/workers/simulation/simulation-protocol.ts';

const START = Date.UTC(2025, 0, 1);
const profiles = generateProfiles({
  count: 1_200,
  seed: 8,
  start: START,
  end: Date.UTC(2025, 5, 1),
});
const template = TEMPLATES.find((t) => t.id === 'welcome-series');
const spec = template && compile(template.build(START)).spec;
if (!spec) throw new Error('welcome-series does not compile');
const set = { dbName: 'test', setId: 'set-1' };
const options = { start: START, horizonDays: 90, seed: 4, traceSample: 25 };

/**
 * A worker's kept part in batches of 400 (the same objects at every read, as the set cache gives
 * them), counting the profile objects built from it; the first read waits for `release`.
 */
function keptPart() {
  let decoded = 0;
  const seen = new Set<string>();
  let twice = 0;
  const counting = (part: readonly Profile[]): ProfileColumns => {
    const columns = profileColumns(part);
    return {
      ...columns,
      profile(i) {
        decoded++;
        const id = columns.id(i);
        if (seen.has(id)) twice++;
        seen.add(id);
        return columns.profile(i);
      },
    };
  };
  const batches = [0, 400, 800].map((from) => counting(profiles.slice(from, from + 400)));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const loader: SetLoader = {
    columns: () =>
      (async function* () {
        await released;
        yield* batches;
      })(),
  };
  return { loader, release, decoded: () => decoded, decodedTwice: () => twice };
}

/** The host on this thread: requests in, events out, each on a later turn as in a worker. */
function worker(loader: SetLoader) {
  const events: SimulationWorkerEvent[] = [];
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (event) => events.push(event as SimulationWorkerEvent),
  };
  hostSimulation(scope, loader);
  const send = (request: SimulationWorkerRequest) =>
    setTimeout(() => scope.onmessage?.({ data: request } as MessageEvent));
  const result = () =>
    vi.waitFor(
      () => {
        const answer = events.find((e) => e.type === 'result' || e.type === 'error');
        if (answer?.type !== 'result') throw new Error(JSON.stringify(answer ?? 'no answer yet'));
        return answer.result;
      },
      { timeout: 15_000 },
    );
  return { send, result, events };
}

const marked = vi.spyOn(performance, 'mark');
const rehearsals = () => marked.mock.calls.filter(([name]) => name === WORKER_MARKS.rehearsed);
afterEach(() => marked.mockClear());

const part = { set, parts: 1, partition: 0 };

describe('a rehearsed run in the simulation worker', () => {
  it('decodes the entrants once: the run after it builds no profile and gives the same result', async () => {
    const { loader, release, decoded } = keptPart();
    const host = worker(loader);
    host.send({ type: 'prepare', spec, options, ...part });
    release();
    await vi.waitFor(() => expect(rehearsals()).toHaveLength(1), { timeout: 15_000 });
    const afterRehearsal = decoded();
    expect(afterRehearsal).toBeGreaterThan(0);
    // Another seed: the entrants prepared for the journey serve any seed.
    const runOptions = { ...options, seed: 5 };
    host.send({ type: 'run-set', spec, options: runOptions, ...part });
    const result = await host.result();
    expect(decoded()).toBe(afterRehearsal);
    const { partition: _p, ...single } = simulate(spec, profiles, runOptions);
    const { partition: _q, ...ran } = result;
    expect(ran).toEqual(single);
  });

  it('gives way to a run asked for before it could start, and answers only the run', async () => {
    const { loader, release } = keptPart();
    const host = worker(loader);
    host.send({ type: 'prepare', spec, options, ...part });
    host.send({ type: 'run-set', spec, options, ...part });
    // Both have asked for the part by now; the read ends after the run came.
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const result = await host.result();
    expect(rehearsals()).toHaveLength(0);
    expect(host.events.filter((e) => e.type !== 'progress').map((e) => e.type)).toEqual(['result']);
    const { partition: _p, ...single } = simulate(spec, profiles, options);
    const { partition: _q, ...ran } = result;
    expect(ran).toEqual(single);
  });

  it('prepares a changed journey from the entrants already decoded', async () => {
    const { loader, release, decoded, decodedTwice } = keptPart();
    const host = worker(loader);
    host.send({ type: 'prepare', spec, options, ...part });
    release();
    await vi.waitFor(() => expect(rehearsals()).toHaveLength(1), { timeout: 15_000 });
    const afterRehearsal = decoded();
    // A longer period lets more profiles in: only they are decoded, no one twice.
    const longer = { ...options, horizonDays: 150 };
    host.send({ type: 'run-set', spec, options: longer, ...part });
    const result = await host.result();
    expect(decoded()).toBeGreaterThan(afterRehearsal);
    expect(decodedTwice()).toBe(0);
    const { partition: _p, ...single } = simulate(spec, profiles, longer);
    const { partition: _q, ...ran } = result;
    expect(ran).toEqual(single);
  });
});
