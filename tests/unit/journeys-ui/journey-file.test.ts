import { describe, expect, it } from 'vitest';
import {
  createJourney,
  journeyFileName,
  journeyToFileText,
  loadProblemLine,
  type LoadProblem,
} from '../../../src/domain/index.ts';
import { asImportedCopy } from '../../../src/features/journeys/journey-file.ts';
import { parseJourneyFile } from '../../../src/features/journeys/parse-journey-file.ts';

const doc = createJourney('Welcome: série №1!', Date.UTC(2026, 0, 1), () => 'j1');

describe('journey files', () => {
  it('names the file after the journey', () => {
    expect(journeyFileName(doc)).toBe('welcome-série-1.journey.json');
    expect(journeyFileName({ ...doc, name: '***' })).toBe('journey.journey.json');
  });

  it('reads back what it writes', () => {
    const result = parseJourneyFile('a.json', journeyToFileText(doc));
    expect(result).toEqual({ ok: true, document: doc });
  });

  it('says where a JSON syntax error is, by line and column', () => {
    const result = parseJourneyFile('broken.json', '{\n  "name": "x",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe('broken.json');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/^Not valid JSON at line 3, column 3: /);
    expect(result.errors[0]?.message).not.toMatch(/position/);
  });

  it('says a JSON file that is not a journey is not one', () => {
    const result = parseJourneyFile('list.json', JSON.stringify({ eggs: 12 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(loadProblemLine).join(' ')).toMatch(/not a Wayfinder journey/);
  });

  it('prefixes the place only when the message does not already name it', () => {
    const problem = (path: string, message: string): LoadProblem => ({
      path,
      message,
      code: 'invalid-value',
      params: { path, problem: 'other', limit: 0 },
    });
    expect(loadProblemLine(problem('steps.0.kind', 'Unknown kind.'))).toBe(
      'steps.0.kind: Unknown kind.',
    );
    expect(loadProblemLine(problem('name', 'The name is missing.'))).toBe('The name is missing.');
    expect(loadProblemLine(problem('', 'Not an object.'))).toBe('Not an object.');
  });

  it('imports as a copy: new id and name only when the id is taken, fresh times', () => {
    const now = Date.UTC(2026, 5, 1);
    const imported = (name: string, n: number) => `${name} (imported${n > 1 ? ` ${n}` : ''})`;
    const taken = (ids: string[], names: string[] = []) => ({
      ids: new Set(ids),
      names: new Set(names),
    });
    const fresh = asImportedCopy(doc, now, () => 'new', taken([]), imported);
    expect(fresh).toMatchObject({
      id: 'j1',
      name: doc.name,
      createdAt: new Date(now).toISOString(),
    });
    const clash = asImportedCopy(doc, now, () => 'new', taken(['j1']), imported);
    expect(clash).toMatchObject({ id: 'new', name: `${doc.name} (imported)` });
    const again = asImportedCopy(
      doc,
      now,
      () => 'newer',
      taken(['j1', 'new'], [doc.name, `${doc.name} (imported)`]),
      imported,
    );
    expect(again).toMatchObject({ id: 'newer', name: `${doc.name} (imported 2)` });
    expect(clash.steps).toBe(doc.steps);
  });
});
