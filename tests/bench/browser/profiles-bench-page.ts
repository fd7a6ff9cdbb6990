// Runs in the bench page, in Chromium: the app's own import, generate, read and count code.
import Dexie from 'dexie';
import type { ConditionGroup } from '../../../src/domain/conditions/condition-schema.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import {
  type ChunkFormat,
  checkChunk,
  readChunkRecords,
} from '../../../src/storage/profile-chunks.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { runGenerateJob } from '../../../src/workers/profiles/generate-job.ts';
import { runImportJob } from '../../../src/workers/profiles/import-job.ts';
import { countMatching } from '../../../src/domain/profiles/count-matching.ts';
import { collectGarbage, LAYOUTS, type LayoutFigures, measureLayout } from './profiles-layouts.ts';

Dexie.debug = false;
const DB = 'profiles-bench';
const DAY = 86_400_000;
const END = Date.UTC(2026, 0, 1);

/** A realistic entry condition: email consent, on a paid plan, two orders in the last 90 days. */
const CONDITION: ConditionGroup = {
  type: 'group',
  op: 'and',
  rules: [
    { type: 'attribute', attribute: 'consent.email', valueType: 'boolean', operator: 'is_true' },
    {
      type: 'attribute',
      attribute: 'plan',
      valueType: 'text',
      operator: 'not_equals',
      value: 'free',
    },
    {
      type: 'event_count',
      event: 'order_placed',
      comparison: 'at_least',
      count: 2,
      withinDays: 90,
      propertyFilters: [],
    },
  ],
};

const ignore = () => undefined;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function fresh(chunkFormat: ChunkFormat) {
  await Dexie.delete(DB);
  return createProfileRepo(openWayfinderDb(DB), { chunkFormat });
}

const bench = {
  /** Parse CDNOW_master.txt (picked in the file input) and write it as a new set. */
  async importCdnow(format: ChunkFormat): Promise<{ ms: number; count: number }> {
    const input = document.querySelector<HTMLInputElement>('#cdnow');
    const file = input?.files?.[0];
    if (!file) throw new Error('Pick the CDNOW file first.');
    const repo = await fresh(format);
    const started = performance.now();
    const outcome = await runImportJob(
      repo,
      { file, kind: 'cdnow', target: { kind: 'new', name: 'CDNOW' } },
      ignore,
    );
    const ms = performance.now() - started;
    return { ms, count: outcome.setId ? await repo.countProfiles(outcome.setId) : 0 };
  },

  /** Generate 100,000 profiles and store them; then read them back with a cold cache, and count a segment. */
  async generateReadCount(
    count: number,
    format: ChunkFormat,
  ): Promise<{
    generateMs: number;
    readMs: number;
    fetchMs: number;
    decodeMs: number;
    firstChunkMs: number;
    countMs: number;
    matched: number;
  }> {
    const repo = await fresh(format);
    let started = performance.now();
    const { setId } = await runGenerateJob(
      repo,
      { name: 'bench', count, seed: 7, start: END - 730 * DAY, end: END },
      ignore,
    );
    const generateMs = performance.now() - started;

    const reader = createProfileRepo(openWayfinderDb(DB));
    collectGarbage();
    started = performance.now();
    const profiles = await reader.readProfileSet(setId);
    const readMs = performance.now() - started;
    if (profiles.length !== count) throw new Error(`read ${profiles.length} of ${count}`);

    const [gen] = (await openWayfinderDb(DB).profileSets.get(setId))?.generations ?? [];
    started = performance.now();
    const raw = await readChunkRecords(openWayfinderDb(DB), setId, gen ?? '');
    const fetchMs = performance.now() - started;
    started = performance.now();
    for (const chunk of raw) checkChunk(chunk);
    const decodeMs = performance.now() - started;

    started = performance.now();
    const chunks = createProfileRepo(openWayfinderDb(DB)).readProfileSetChunks(setId);
    const first = await chunks.next();
    const firstChunkMs = performance.now() - started;
    if (first.done) throw new Error('no chunk');
    await chunks.return(undefined);

    const times: number[] = [];
    let matched = 0;
    for (let i = 0; i < 7; i++) {
      started = performance.now();
      matched = countMatching(profiles, CONDITION, END);
      times.push(performance.now() - started);
    }
    return { generateMs, readMs, fetchMs, decodeMs, firstChunkMs, countMs: median(times), matched };
  },

  /** The same generated profiles in each chunk layout, `rounds` times, order rotated per round. */
  async compareLayouts(count: number, rounds: number): Promise<Record<string, LayoutFigures[]>> {
    const profiles = generateProfiles({ count, seed: 7, start: END - 730 * DAY, end: END });
    const out: Record<string, LayoutFigures[]> = {};
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < LAYOUTS.length; k++) {
        const layout = LAYOUTS[(k + r) % LAYOUTS.length] ?? 'columns';
        (out[layout] ??= []).push(await measureLayout(layout, profiles));
      }
    }
    return out;
  },
};

Object.assign(window, { profilesBench: bench });
document.body.dataset.ready = 'true';
