// The app's simulation worker (the same host and IndexedDB loader as simulation.worker.ts),
// timed: before its result it posts how long it waited for its chunks to be read and indexed,
// and how long the rest (simulating them, merging) took.
import type { ProfileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation/set-loader.ts';
import type { PartTiming } from './simulate-timing.ts';

let started = 0;
let readMs = 0;

hostSimulation(
  {
    get onmessage() {
      return self.onmessage;
    },
    set onmessage(handler) {
      self.onmessage = handler;
    },
    postMessage(message: unknown) {
      const event = message as { type?: unknown; partition?: unknown };
      if (event.type === 'result' && typeof event.partition === 'number') {
        const timing: PartTiming = {
          type: 'bench-timing',
          partition: event.partition,
          readMs,
          simulateMs: performance.now() - started - readMs,
        };
        self.postMessage(timing);
      }
      self.postMessage(message);
    },
  },
  {
    async *columns(set, part): AsyncGenerator<ProfileColumns> {
      started = performance.now();
      const chunks = indexedDbSetLoader.columns(set, part)[Symbol.asyncIterator]();
      for (;;) {
        const asked = performance.now();
        const next = await chunks.next();
        readMs += performance.now() - asked;
        if (next.done === true) return;
        yield next.value;
      }
    },
  },
);
