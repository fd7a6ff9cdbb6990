import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ClvReport } from '../../../src/domain/forecast/clv-fit-report';
import { createClvFitCache } from '../../../src/storage/clv-fit-cache';
import { openWayfinderDb, SCHEMA_V4 } from '../../../src/storage/db';

const report: ClvReport = {
  ok: true,
  calibrationEnd: '1997-09-30',
  lastPurchase: '1998-06-30',
  bgnbd: {
    params: { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 },
    logLikelihood: -9582.43,
    customers: 2357,
    evaluations: 400,
    converged: true,
    degenerate: null,
  },
  gammaGamma: {
    params: { p: 6.25, q: 3.74, gamma: 15.44 },
    logLikelihood: -4000,
    customers: 946,
    evaluations: 300,
    converged: true,
    degenerate: null,
  },
  customers: 2357,
  repeatBuyers: 946,
  warnings: [],
  holdout: null,
  valueQuantiles: { p50: 1, p90: 10, max: 100 },
};

describe('schema upgrade to version 5 (CLV-fit cache)', () => {
  it('keeps v4 data and adds an empty clvFits table', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.table('journeys').add({
      id: 'j1',
      name: 'Welcome',
      lifecycleStage: 'onboarding',
      updatedAt: 3,
      document: {},
    });
    await v4.table('publishedVersions').add({
      journeyId: 'j1',
      version: 1,
      specHash: 'h',
      publishedAt: '2025-01-01T00:00:00.000Z',
      spec: {},
    });
    v4.close();
    const db = openWayfinderDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.journeys.get('j1')).toMatchObject({ lifecycleStage: 'onboarding' });
    expect(await db.publishedVersions.count()).toBe(1);
    expect(await db.clvFits.count()).toBe(0);
    await db.delete();
  });
});

describe('createClvFitCache', () => {
  it('returns a fit only for the same set, set version and calibration', async () => {
    const db = openWayfinderDb(`clv-cache-${Math.random()}`);
    const cache = createClvFitCache(db);
    await cache.put('s1', '100', '1997-09-30', report, 1);
    expect(await cache.get('s1', '100', '1997-09-30')).toEqual(report);
    expect(await cache.get('s1', '100', 'default')).toBeUndefined();
    expect(await cache.get('s1', '101', '1997-09-30')).toBeUndefined();
    expect(await cache.get('s2', '100', '1997-09-30')).toBeUndefined();
    await db.delete();
  });

  it('drops a set’s fits of older versions when a new version is fitted', async () => {
    const db = openWayfinderDb(`clv-cache-${Math.random()}`);
    const cache = createClvFitCache(db);
    await cache.put('s1', '100', 'all', report, 1);
    await cache.put('s2', '100', 'all', report, 1);
    await cache.put('s1', '200', 'all', report, 2);
    expect(await cache.get('s1', '100', 'all')).toBeUndefined();
    expect(await cache.get('s1', '200', 'all')).toEqual(report);
    expect(await cache.get('s2', '100', 'all')).toEqual(report);
    await cache.clearSet('s1');
    expect(await db.clvFits.count()).toBe(1);
    await db.delete();
  });

  it('keeps the older versions’ fits when the new version’s cannot be stored', async () => {
    const db = openWayfinderDb(`clv-cache-${Math.random()}`);
    const cache = createClvFitCache(db);
    await cache.put('s1', '100', 'all', report, 1);
    // A report IndexedDB cannot store (a function cannot be cloned): the put fails.
    const unstorable = { ...report, valueQuantiles: { p50: 1, p90: 2, max: () => 3 } };
    await expect(
      cache.put('s1', '200', 'all', unstorable as unknown as ClvReport, 2),
    ).rejects.toThrow();
    expect(await cache.get('s1', '100', 'all')).toEqual(report);
    expect(await cache.has('s1', '200', 'all')).toBe(false);
    await db.delete();
  });

  it('reads a record that no longer fits the report schema as a miss', async () => {
    const db = openWayfinderDb(`clv-cache-${Math.random()}`);
    await db.clvFits.put({
      key: 's1|100|all',
      setId: 's1',
      setVersion: '100',
      calibration: 'all',
      savedAt: 1,
      report: { ok: true, bgnbd: 'garbled' },
    });
    expect(await createClvFitCache(db).get('s1', '100', 'all')).toBeUndefined();
    await db.delete();
  });
});
