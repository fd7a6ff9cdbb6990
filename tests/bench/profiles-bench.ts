// Node bench of the profile pipeline. IndexedDB rows run on fake-indexeddb, which is far from
// Chromium's real IndexedDB: they compare layouts, the browser bench gives the real figures.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Dexie from 'dexie';
import { z } from 'zod';
import { dedupeProfiles } from '../../src/domain/profiles/dedupe';
import { generateProfiles } from '../../src/domain/profiles/generate/generate-profiles';
import { importCdnow } from '../../src/domain/profiles/import/cdnow';
import { type Profile, profileSchema } from '../../src/domain/profiles/profile';
import { openWayfinderDb } from '../../src/storage/db';
import { createProfileRepo } from '../../src/storage/profile-repo';

/** One measured figure. */
export interface BenchRow {
  name: string;
  /** Milliseconds. */
  value: number;
  /** Milliseconds; null when the row is for information only. */
  target: number | null;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START = Date.UTC(2022, 0, 1);
const END = Date.UTC(2025, 0, 1);

async function time<T>(run: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await run();
  return { ms: Math.round(performance.now() - t), result };
}

/** Compares one record per profile with chunks of 1,000 on raw Dexie tables. */
async function layoutRows(profiles: Profile[]): Promise<BenchRow[]> {
  const db = new Dexie(`bench-layout-${Date.now()}`);
  db.version(1).stores({ single: '[setId+id]', chunks: '[setId+seq]' });
  const n = profiles.length.toLocaleString('en');
  const single = profiles.map((p) => ({ setId: 's', ...p }));
  const chunks: Array<{ setId: string; seq: number; profiles: Profile[] }> = [];
  for (let i = 0; i < profiles.length; i += 1000)
    chunks.push({ setId: 's', seq: i / 1000, profiles: profiles.slice(i, i + 1000) });
  const w1 = await time(() => db.table('single').bulkPut(single));
  const r1 = await time(() =>
    db
      .table('single')
      .where('[setId+id]')
      .between(['s', Dexie.minKey], ['s', Dexie.maxKey])
      .toArray(),
  );
  const w2 = await time(() => db.table('chunks').bulkPut(chunks));
  const r2 = await time(() =>
    db
      .table('chunks')
      .where('[setId+seq]')
      .between(['s', Dexie.minKey], ['s', Dexie.maxKey])
      .toArray(),
  );
  await db.delete();
  return [
    {
      name: `layout: write ${n} as one record each (Node/fake-indexeddb)`,
      value: w1.ms,
      target: null,
    },
    {
      name: `layout: read ${n} as one record each (Node/fake-indexeddb)`,
      value: r1.ms,
      target: null,
    },
    {
      name: `layout: write ${n} in chunks of 1,000 (Node/fake-indexeddb)`,
      value: w2.ms,
      target: null,
    },
    {
      name: `layout: read ${n} in chunks of 1,000 (Node/fake-indexeddb)`,
      value: r2.ms,
      target: null,
    },
  ];
}

/** Runs the profile benches and returns one row per figure. */
export async function runProfilesBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const gen = await time(() =>
    generateProfiles({ count: 100_000, seed: 'bench', start: START, end: END }),
  );
  rows.push({ name: 'generate 100,000 profiles', value: gen.ms, target: 2_000 });
  const profiles = gen.result;

  const master = readFileSync(path.resolve(repoRoot, 'public/data/cdnow/CDNOW_master.txt'), 'utf8');
  importCdnow(master);
  const cdnow = await time(() => importCdnow(master));
  rows.push({
    name: 'parse CDNOW master (23,570 customers, 69,659 orders)',
    value: cdnow.ms,
    target: 300,
  });

  // A tenth of the profiles appear twice, with a changed name, to give dedupe real work.
  const withRepeats = [
    ...profiles,
    ...profiles
      .slice(0, 10_000)
      .map((p) => ({ ...p, attributes: { ...p.attributes, name: 'Changed' } })),
  ];
  const dedupe = await time(() => dedupeProfiles(withRepeats));
  rows.push({ name: 'dedupe 110,000 records (10,000 repeats)', value: dedupe.ms, target: 1_000 });

  const zod = await time(() => z.array(profileSchema).parse(profiles));
  rows.push({
    name: 'zod parse of 100,000 profiles (why hot reads skip it)',
    value: zod.ms,
    target: null,
  });

  const db = openWayfinderDb(`bench-${Date.now()}`);
  const repo = createProfileRepo(db);
  const set = await repo.createProfileSet({ name: 'bench', source: 'generated' });
  const write = await time(() => repo.importIntoSet(set.id, profiles, { mode: 'replace' }));
  rows.push({
    name: 'write 100,000 profiles via importIntoSet (Node/fake-indexeddb)',
    value: write.ms,
    target: null,
  });
  const read = await time(() => createProfileRepo(db).readProfileSet(set.id));
  rows.push({
    name: 'read 100,000 profiles via readProfileSet (Node/fake-indexeddb)',
    value: read.ms,
    target: null,
  });
  const page = await time(() =>
    repo.pageProfiles(set.id, {
      offset: 50_000,
      limit: 50,
      sort: { key: 'name', direction: 'asc' },
    }),
  );
  rows.push({
    name: 'first sorted page of 100,000 (cached set, in memory)',
    value: page.ms,
    target: 500,
  });
  await db.delete();

  rows.push(...(await layoutRows(profiles.slice(0, 20_000))));
  return rows;
}

/** The rows as a markdown table. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const lines = ['| bench | ms | target ms |', '|---|---:|---:|'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.value} | ${row.target ?? '—'} |`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runProfilesBench().then(
    (rows) => console.log(formatBenchTable(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
