import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { importJson } from '../../../src/domain/profiles/import/json';
import { PROFILE_SCHEMA_VERSION, type Profile } from '../../../src/domain/profiles/profile';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createProfileRepo } from '../../../src/storage/profile-repo';
import {
  profileSetJsonParts,
  type ExportedSetHeader,
} from '../../../src/storage/profile-set-export';

const EXPORTED_AT = 1_700_000_000_000;
let db: WayfinderDb | undefined;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

/** The export as it was written before it was streamed: the whole set in one stringify. */
function wholeSetJson(set: ExportedSetHeader, profiles: readonly Profile[]): string {
  return JSON.stringify({
    format: 'wayfinder.profiles',
    version: PROFILE_SCHEMA_VERSION,
    set,
    profiles,
  });
}

async function collect(parts: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

async function* chunksOf(chunks: readonly (readonly Profile[])[]) {
  for (const chunk of chunks) yield chunk;
}

async function storedSet(count: number) {
  db = openWayfinderDb(`profile-set-export-${n++}`);
  const repo = createProfileRepo(db, { now: () => EXPORTED_AT, chunkSize: 400 });
  const set = await repo.createProfileSet({
    name: 'Spring "launch" — ünïcode',
    source: 'generated',
  });
  if (count > 0) {
    const profiles = generateProfiles({
      count,
      seed: 12,
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
  }
  return { repo, setId: set.id, name: set.name };
}

describe('exporting a profile set', () => {
  it('streams a chunk at a time the very bytes of the whole-set export', async () => {
    const { repo, setId, name } = await storedSet(2_500);
    const parts = await collect(repo.exportSetParts(setId));
    const header = { name, source: 'generated', count: 2_500, exportedAt: EXPORTED_AT };
    expect(parts.join('')).toBe(wholeSetJson(header, await repo.readProfileSet(setId)));
    // The head, one part per stored chunk of 400, the close: never the set in one piece.
    expect(parts).toHaveLength(1 + Math.ceil(2_500 / 400) + 1);
    expect(importJson(parts.join('')).profiles).toHaveLength(2_500);
  });

  it('exports an empty set as the whole-set export did', async () => {
    const { repo, setId, name } = await storedSet(0);
    const text = (await collect(repo.exportSetParts(setId))).join('');
    const header = { name, source: 'generated', count: 0, exportedAt: EXPORTED_AT };
    expect(text).toBe(wholeSetJson(header, []));
  });

  it('joins to one stringify of the set, however its profiles are chunked', async () => {
    const text = fc.string({ unit: 'binary' });
    const profile = fc.record({
      id: text,
      attributes: fc.dictionary(text, fc.oneof(text, fc.double(), fc.boolean(), fc.constant(null))),
      events: fc.array(fc.record({ name: text, at: fc.integer() }), { maxLength: 3 }),
    }) as unknown as fc.Arbitrary<Profile>;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(profile, { maxLength: 4 }), { maxLength: 5 }),
        text,
        async (chunks, name) => {
          const header = { name, source: 'json', count: chunks.flat().length, exportedAt: 7 };
          const parts = await collect(profileSetJsonParts(header, chunksOf(chunks)));
          expect(parts.join('')).toBe(wholeSetJson(header, chunks.flat()));
        },
      ),
      { seed: 20261206, numRuns: 200 },
    );
  });
});
