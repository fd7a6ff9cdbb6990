// The app's simulation worker (the same host and IndexedDB loader as simulation.worker.ts),
// timed: before its result it posts how long it waited for its chunks to be read and indexed,
// how long the rest (simulating them, merging) took, and when it was loaded, asked and had its
// first batch.
import '../../../src/workers/shared/no-eval.ts';
import * as liquid from 'liquidjs';
import type { ProfileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { installTemplateEngine } from '../../../src/domain/templating/liquid-engine.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import { indexedDbSetLoader } from '../../../src/workers/simulation/set-loader.ts';
import { epochNow, type PartTiming } from './simulate-timing.ts';

const loadedAt = epochNow();
let askedAt = 0;
let firstBatchAt = 0;
let started = 0;
let readMs = 0;

// As simulation.worker.ts does: the bench journey sends SMS, billed per part of their text.
installTemplateEngine(liquid, () => performance.now());
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
          loadedAt,
          askedAt,
          firstBatchAt,
        };
        self.postMessage(timing);
      }
      self.postMessage(message);
    },
  },
  {
    async *columns(set, part): AsyncGenerator<ProfileColumns> {
      started = performance.now();
      askedAt = epochNow();
      const chunks = indexedDbSetLoader.columns(set, part)[Symbol.asyncIterator]();
      for (;;) {
        const asked = performance.now();
        const next = await chunks.next();
        readMs += performance.now() - asked;
        if (firstBatchAt === 0) firstBatchAt = epochNow();
        if (next.done === true) return;
        yield next.value;
      }
    },
  },
);
