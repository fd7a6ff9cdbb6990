import { describe, expect, it } from 'vitest';
import {
  JOURNEY_SCHEMA_VERSION,
  createJourney,
  restore,
  runMigrations,
  sequentialIds,
} from '../../../src/domain/index.ts';
import { FIXED_NOW, simpleDoc } from './doc-fixture.ts';

describe('createJourney', () => {
  it('makes an empty, valid, current-version document', () => {
    const doc = createJourney('Welcome', FIXED_NOW, sequentialIds('j'));
    expect(doc).toMatchObject({
      id: 'j-1',
      name: 'Welcome',
      schemaVersion: 1,
      steps: [],
      connections: [],
    });
    expect(doc.createdAt).toBe('2026-01-15T00:00:00.000Z');
    expect(doc.settings.defaultTimeZone).toBe('UTC');
    expect(restore(doc)).toEqual({ ok: true, document: doc });
  });

  it('uses random ids by default', () => {
    expect(createJourney('a', 0).id).not.toBe(createJourney('a', 0).id);
  });
});

describe('restore', () => {
  it('is the identity for document → JSON → restore', () => {
    const doc = simpleDoc();
    const result = restore(JSON.parse(JSON.stringify(doc)));
    expect(result).toEqual({ ok: true, document: doc });
  });

  it('fills settings defaults on an older, sparser file', () => {
    const { settings: _settings, description: _d, ...rest } = simpleDoc();
    const result = restore(rest);
    expect(result.ok && result.document.settings.frequencyCap.max).toBe(3);
  });

  it('refuses input that is not an object', () => {
    expect(restore('nope')).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: expect.stringContaining('JSON object'),
          code: 'not-an-object',
          params: {},
        },
      ],
    });
    expect(restore([])).toMatchObject({ ok: false });
  });

  it('refuses a document without a schema version', () => {
    const { schemaVersion: _v, ...rest } = simpleDoc();
    expect(restore(rest)).toEqual({
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: expect.stringContaining('schemaVersion'),
          code: 'no-schema-version',
          params: {},
        },
      ],
    });
  });

  it('refuses a future schema version with a clear message', () => {
    const result = restore({ ...simpleDoc(), schemaVersion: JOURNEY_SCHEMA_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.message).toMatch(
        /newer version of Wayfinder \(schema version 2\).*reads up to 1/,
      );
    }
  });

  it('reports invalid fields with dotted paths', () => {
    const doc = simpleDoc();
    const raw = JSON.parse(JSON.stringify(doc));
    raw.steps[1].position = { x: 'left' };
    raw.settings.controlGroupPercent = 80;
    raw.settings.defaultTimeZone = 'Mars/Olympus';
    const result = restore(raw);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'steps.1.position.x',
        'settings.controlGroupPercent',
        'settings.defaultTimeZone',
      ]),
    );
  });

  it('requires a cooldown when re-entry is after a cooldown', () => {
    const raw = JSON.parse(JSON.stringify(simpleDoc()));
    raw.settings.entry = { reentry: 'after_cooldown', maxActivePerProfile: 1 };
    const result = restore(raw);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'settings.entry.cooldownDays',
    ]);
  });
});

describe('runMigrations', () => {
  it('runs each step of the table in order and stamps the version', () => {
    const table = {
      1: (raw: Record<string, unknown>) => ({ ...raw, title: raw['name'] }),
      2: (raw: Record<string, unknown>) => ({ ...raw, upgraded: true }),
    };
    const result = runMigrations({ schemaVersion: 1, name: 'x' }, 1, table, 3);
    expect(result).toEqual({
      ok: true,
      raw: { schemaVersion: 3, name: 'x', title: 'x', upgraded: true },
    });
  });

  it('fails clearly when a step is missing', () => {
    expect(runMigrations({}, 1, {}, 2)).toEqual({
      ok: false,
      error: {
        path: 'schemaVersion',
        message: 'No migration from schema version 1 to 2.',
        code: 'missing-migration',
        params: { from: 1, to: 2 },
      },
    });
  });

  it('does nothing for a current document', () => {
    expect(runMigrations({ a: 1 }, JOURNEY_SCHEMA_VERSION)).toEqual({ ok: true, raw: { a: 1 } });
  });
});
