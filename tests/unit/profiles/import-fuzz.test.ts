import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile';
import { REJECTION_CODES, type ImportResult } from '../../../src/domain/profiles/import/report';
import { findProfileProblem } from '../../../src/domain/profiles/import/validate-profile';
import { openWayfinderDb, type WayfinderDb } from '../../../src/storage/db';
import { createProfileRepo, type ProfileRepo } from '../../../src/storage/profile-repo';
import {
  parseProfileFile,
  refuseUnstorable,
  runImportJob,
} from '../../../src/workers/profiles/import-job';
import { corruptFile, type CorruptFile, cdnowFile, jsonFile, profileCsv } from './corrupt-files';

/** Rejections about a whole row or file, where no single field is to blame. */
const ROW_LEVEL = new Set([
  'malformed_row',
  'bad_json',
  'empty_file',
  'unrecognised_format',
  'unbalanced_quote',
  'binary_file',
  'not_utf8',
  'mixed_encoding',
]);

async function parse(file: CorruptFile): Promise<ImportResult> {
  const request = {
    file: new Blob([file.bytes]),
    kind: file.kind,
    ...(file.mapping ? { mapping: file.mapping } : {}),
  };
  return refuseUnstorable(await parseProfileFile(request, () => undefined));
}

const eventCount = (profiles: readonly Profile[]) =>
  profiles.reduce((n, p) => n + p.events.length, 0);

function checkResult(file: CorruptFile, { profiles, report }: ImportResult): void {
  const lines = new TextDecoder().decode(file.bytes).split('\n').length;
  for (const r of report.rejected) {
    expect(Number.isInteger(r.row) && r.row >= 1, file.label).toBe(true);
    if (file.rows > 0) expect(r.row, file.label).toBeLessThanOrEqual(lines + 1);
    expect(REJECTION_CODES).toContain(r.reason);
    if (!ROW_LEVEL.has(r.reason)) expect(r.column, `${file.label}: ${r.reason}`).toBeTruthy();
  }
  if (report.refused) {
    expect(profiles, file.label).toEqual([]);
    expect(report.imported).toBe(0);
  }
  for (const profile of profiles) expect(findProfileProblem(profile), file.label).toBeUndefined();
  if (file.refused) {
    expect(report.refused, file.label).toMatchObject({
      reason: file.refused.reason,
      ...(file.refused.row === undefined ? {} : { row: file.refused.row }),
    });
  }
  if (file.planted && !file.refused) {
    expect(report.refused, file.label).toBeUndefined();
    const got = report.rejected.map((r) => ({
      row: r.row,
      reason: r.reason,
      ...(r.column === undefined ? {} : { column: r.column }),
    }));
    expect(got, file.label).toEqual([...file.planted].sort((a, b) => a.row - b.row));
    // Nothing silently dropped: every row is imported or named.
    const kept = file.rows - file.planted.length;
    const eventsPerRow = file.kind === 'cdnow' || file.mapping?.events !== undefined;
    if (eventsPerRow) expect(eventCount(profiles), file.label).toBe(kept);
    else expect(profiles.length, file.label).toBe(kept);
  }
}

describe('import fuzz: corrupted files are imported exactly or refused', () => {
  // Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
  it('1,200 corrupted CSV, events CSV, JSON, NDJSON, CDNOW and binary files', async () => {
    let runs = 0;
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(corruptFile, async (file) => {
        runs++;
        const kind = file.label.split(' ')[0] ?? '';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        checkResult(file, await parse(file));
      }),
      { numRuns: 1_200, seed: 20_261_206 },
    );
    expect(runs).toBe(1_200);
    for (const kind of ['csv', 'events', 'json', 'ndjson', 'cdnow', 'binary'])
      expect(kinds.get(kind), kind).toBeGreaterThan(50);
  }, 120_000);
});

let db: WayfinderDb | undefined;
let dbCount = 0;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = undefined;
});

/** Re-batches an import into batches of `size`, then fails or stops for good after `after`. */
async function* interrupted(
  input: AsyncIterable<readonly Profile[]>,
  size: number,
  after: number,
  how: 'fail' | 'hang',
  onHang: () => void,
): AsyncGenerator<readonly Profile[]> {
  let sent = 0;
  for await (const batch of input) {
    for (let i = 0; i < batch.length; i += size) {
      if (sent++ === after) {
        if (how === 'fail') throw new Error('The disk is full.');
        onHang();
        await new Promise(() => undefined); // the tab is gone: nothing after this runs
      }
      yield batch.slice(i, i + size);
    }
  }
}

/** A repo whose imports stop after a number of small batches. */
function stoppingRepo(
  repo: ProfileRepo,
  after: number,
  how: 'fail' | 'hang',
  onHang: () => void,
): ProfileRepo {
  return {
    ...repo,
    importIntoSet: (setId, input, opts) =>
      repo.importIntoSet(
        setId,
        interrupted(input as AsyncIterable<readonly Profile[]>, 5, after, how, onHang),
        opts,
      ),
  };
}

describe('import fuzz: no partial set after a failure or an interruption', () => {
  it('a failed or interrupted import into a new or existing set leaves nothing half-written', async () => {
    const storable = fc.oneof(profileCsv, jsonFile, cdnowFile);
    await fc.assert(
      fc.asyncProperty(
        storable,
        fc.constantFrom('fail' as const, 'hang' as const, 'none' as const),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        async (file, how, after, existing) => {
          db = openWayfinderDb(`import-fuzz-${dbCount++}`);
          const repo = createProfileRepo(db, { chunkSize: 7 });
          const before = existing
            ? await repo.createProfileSet({ name: 'Kept', source: 'manual' })
            : undefined;
          if (before) {
            const kept = [
              { id: 'kept', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
            ];
            await repo.importIntoSet(before.id, kept, { mode: 'replace' });
          }
          let hung!: () => void;
          const hanging = new Promise<{ ok: false }>((resolve) => {
            hung = () => resolve({ ok: false });
          });
          const job = runImportJob(
            how === 'none' ? repo : stoppingRepo(repo, after, how, hung),
            {
              file: new Blob([file.bytes]),
              kind: file.kind,
              ...(file.mapping ? { mapping: file.mapping } : {}),
              target: before
                ? { kind: 'existing', setId: before.id, mode: 'replace' }
                : { kind: 'new', name: 'Imported' },
            },
            () => undefined,
          );
          const settled = await Promise.race([
            job.then(
              (outcome) => ({ ok: true as const, outcome }),
              () => ({ ok: false as const }),
            ),
            hanging,
          ]);
          // A reload: a new repo on the same database cleans up at start.
          const reloaded = createProfileRepo(db, { chunkSize: 7 });
          await reloaded.cleanUpInterruptedImports();
          const sets = await reloaded.listProfileSets();
          const chunkSets = new Set((await db.profileChunks.toArray()).map((c) => c.setId));
          if (settled.ok && settled.outcome.setId !== undefined) {
            const stored = await reloaded.readProfileSet(settled.outcome.setId);
            expect(stored.length).toBe(settled.outcome.report.imported);
          } else if (before) {
            expect(sets.map((s) => s.name)).toEqual(['Kept']);
            expect((await reloaded.readProfileSet(before.id)).map((p) => p.id)).toEqual(['kept']);
          } else {
            expect(sets).toEqual([]);
            expect(await db.profileSets.count()).toBe(0);
          }
          for (const setId of chunkSets) expect(sets.map((s) => s.id)).toContain(setId);
          expect(await reloaded.removeOrphanChunks()).toBe(0);
        },
      ),
      { numRuns: 120, seed: 20_261_207 },
    );
  }, 120_000);
});
