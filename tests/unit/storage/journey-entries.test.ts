import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES, type JourneyDocument } from '../../../src/domain/index.ts';
import { compileOrExplain } from '../../../src/editor/compiled-revision.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import {
  getJourney,
  listJourneyEntries,
  listJourneys,
  saveJourney,
  UnreadableJourneyError,
} from '../../../src/storage/journey-documents.ts';

// A journey whose check overflows the stack (as a condition nested past what the browser's stack
// holds does): the real validator, except for journeys named "Overflows".
vi.mock('../../../src/domain/index.ts', async (importOriginal) => {
  const domain = await importOriginal<typeof import('../../../src/domain/index.ts')>();
  return {
    ...domain,
    validate: (document: JourneyDocument) => {
      if (document.name === 'Overflows') throw new RangeError('Maximum call stack size exceeded');
      return domain.validate(document);
    },
    compile: (document: JourneyDocument) => {
      if (document.name === 'Overflows') throw new RangeError('Maximum call stack size exceeded');
      return domain.compile(document);
    },
    restore: (raw: unknown) => {
      if ((raw as { name?: unknown }).name === 'Unrestorable') throw new RangeError('too deep');
      return domain.restore(raw);
    },
  };
});

function journey(id: string, name: string, day: number): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === 'win-back');
  if (found === undefined) throw new Error('no template');
  const at = Date.UTC(2026, 0, day);
  return { ...found.build(at), id, name, updatedAt: new Date(at).toISOString() };
}

beforeEach(async () => {
  useDatabaseForTests(openWayfinderDb(`journey-entries-${Math.random()}`));
  await saveJourney(journey('a', 'First', 1));
  await saveJourney(journey('b', 'Overflows', 2));
  await saveJourney(journey('c', 'Unrestorable', 3));
  await saveJourney(journey('d', 'Last', 4));
});

describe('listing stored journeys', () => {
  it('turns a journey that throws while read or checked into a broken row; the others list', async () => {
    const entries = await listJourneyEntries();
    expect(
      entries.map((e) => (e.status === 'ok' ? e.summary.name : `broken ${e.journey.name}`)),
    ).toEqual(['Last', 'broken Unrestorable', 'broken Overflows', 'First']);
    const overflow = entries.find((e) => e.status === 'broken' && e.journey.id === 'b');
    expect(overflow?.status === 'broken' && overflow.journey.problems).toEqual([
      'Checking the journey failed: the journey is nested too deeply to read',
    ]);
    expect((await listJourneys()).map((j) => j.name)).toEqual(['Last', 'First']);
  });

  it('refuses to open one that throws while read, with a reason, instead of throwing it', async () => {
    await expect(getJourney('c')).rejects.toBeInstanceOf(UnreadableJourneyError);
    await expect(getJourney('c')).rejects.toMatchObject({
      problems: ['Reading the journey failed: the journey is nested too deeply to read'],
    });
  });

  it('lets the editor open a journey it cannot check, with one error saying why', () => {
    expect(compileOrExplain(journey('b', 'Overflows', 2)).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'journey.unchecked',
        message: 'This journey could not be checked: it is nested too deeply.',
        params: { why: 'too_deep' },
      },
    ]);
    expect(compileOrExplain(journey('a', 'First', 1)).diagnostics).toEqual([]);
  });
});
