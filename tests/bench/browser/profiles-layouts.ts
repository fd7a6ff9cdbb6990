// Runs in the bench page: the same profiles stored in three chunk layouts, side by side, in a
// bench-only database, so the layouts are compared under the same load in the same run.
import Dexie, { type Table } from 'dexie';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { encodeProfiles, type EncodedProfiles } from '../../../src/storage/profile-codec.ts';
import { decodeProfiles } from '../../../src/storage/profile-codec-decode.ts';

/** Profiles per bulkPut, as the repo writes one generated batch. */
const PROFILES_PER_WRITE = 2_000;

/** Layouts, with chunk sizes other than the repo's 1,000 as a suffix. */
export const LAYOUTS = ['objects', 'json', 'columns', 'columns-200', 'columns-5000'] as const;
export type Layout = (typeof LAYOUTS)[number];

interface Chunk {
  seq: number;
  count: number;
  profiles?: Profile[];
  json?: string;
  columns?: EncodedProfiles;
}

/** Figures of one layout in one round, in milliseconds. */
export interface LayoutFigures {
  encode: number;
  write: number;
  read: number;
  decode: number;
}

/**
 * In the app, generating and importing run in workers, so a read starts on a page heap without
 * their garbage; the runner exposes `gc` so the bench can start reads the same way.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function openDb(name: string): Dexie & { chunks: Table<Chunk, number> } {
  const db = new Dexie(name) as Dexie & { chunks: Table<Chunk, number> };
  db.version(1).stores({ chunks: 'seq' });
  return db;
}

function chunkSize(layout: Layout): number {
  const [, size] = layout.split('-');
  return size === undefined ? 1_000 : Number(size);
}

function encode(layout: Layout, profiles: Profile[], seq: number): Chunk {
  if (layout === 'objects') return { seq, count: profiles.length, profiles };
  if (layout === 'json') return { seq, count: profiles.length, json: JSON.stringify(profiles) };
  return { seq, count: profiles.length, columns: encodeProfiles(profiles) };
}

function decode(chunk: Chunk): Profile[] {
  if (chunk.profiles) return chunk.profiles;
  if (chunk.json !== undefined) return JSON.parse(chunk.json) as Profile[];
  if (chunk.columns) return decodeProfiles(chunk.columns, chunk.count);
  throw new Error('empty chunk');
}

/** Writes `profiles` in one layout, then reads them back through a new connection. */
export async function measureLayout(layout: Layout, profiles: Profile[]): Promise<LayoutFigures> {
  const name = `profiles-layout-${layout}`;
  await Dexie.delete(name);
  const writer = openDb(name);
  let encodeMs = 0;
  let started = performance.now();
  const size = chunkSize(layout);
  const perWrite = Math.max(size, PROFILES_PER_WRITE);
  for (let i = 0; i < profiles.length; i += perWrite) {
    const t = performance.now();
    const records: Chunk[] = [];
    for (let from = i; from < Math.min(i + perWrite, profiles.length); from += size) {
      records.push(encode(layout, profiles.slice(from, from + size), from / size));
    }
    encodeMs += performance.now() - t;
    await writer.chunks.bulkPut(records);
  }
  const write = performance.now() - started;
  writer.close();

  const reader = openDb(name);
  collectGarbage();
  started = performance.now();
  const chunks = await reader.chunks.toArray();
  const fetched = performance.now();
  // Kept until timed, as a simulation keeps them: dropping them would make collection cheaper.
  const kept: Profile[][] = [];
  for (const chunk of chunks) kept.push(decode(chunk));
  const done = performance.now();
  const read = kept.reduce((n, c) => n + c.length, 0);
  reader.close();
  if (read !== profiles.length) throw new Error(`${layout}: read ${read} of ${profiles.length}`);
  await Dexie.delete(name);
  return { encode: encodeMs, write, read: done - started, decode: done - fetched };
}
