import type { z } from 'zod';
import { zodLoadProblems, type LoadProblem } from './load-problem.ts';
import {
  JOURNEY_SCHEMA_VERSION,
  journeyDocumentSchema,
  type JourneyDocument,
} from './journey-schema.ts';

/** A problem found while loading a document (see {@link LoadProblem}). */
export type RestoreError = LoadProblem;

export type RestoreResult =
  { ok: true; document: JourneyDocument } | { ok: false; errors: RestoreError[] };

type RawDocument = Record<string, unknown>;

/** Upgrades a raw document from version `n` (the key) to `n + 1`. */
export type Migration = (raw: RawDocument) => RawDocument;

/**
 * Migrations keyed by the version they upgrade from. Version 1 is the first published
 * version, so there is nothing to upgrade yet; a future v2 adds `1: (raw) => …` here.
 */
export const JOURNEY_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Converts zod issues to dotted-path errors. */
export function toRestoreErrors(issues: readonly z.core.$ZodIssue[]): RestoreError[] {
  return zodLoadProblems(issues);
}

/**
 * Runs the migrations from `fromVersion` up to `targetVersion`; an error message when a step is
 * missing from the table.
 */
export function runMigrations(
  raw: RawDocument,
  fromVersion: number,
  table: Readonly<Record<number, Migration>> = JOURNEY_MIGRATIONS,
  targetVersion: number = JOURNEY_SCHEMA_VERSION,
): { ok: true; raw: RawDocument } | { ok: false; error: RestoreError } {
  let current = raw;
  for (let v = fromVersion; v < targetVersion; v++) {
    const migrate = table[v];
    if (migrate === undefined) {
      return {
        ok: false,
        error: {
          path: 'schemaVersion',
          message: `No migration from schema version ${v} to ${v + 1}.`,
          code: 'missing-migration',
          params: { from: v, to: v + 1 },
        },
      };
    }
    current = { ...migrate(current), schemaVersion: v + 1 };
  }
  return { ok: true, raw: current };
}

/**
 * Loads a journey document from anything (IndexedDB, a file, the backend): checks the
 * version, migrates it to the current schema, then validates it. Every way in goes through here.
 */
export function restore(input: unknown): RestoreResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: 'A journey document must be a JSON object.',
          code: 'not-an-object',
          params: {},
        },
      ],
    };
  }
  const raw = input as RawDocument;
  const version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: 'Missing or invalid schemaVersion: this is not a Wayfinder journey.',
          code: 'no-schema-version',
          params: {},
        },
      ],
    };
  }
  if (version > JOURNEY_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `This journey was saved by a newer version of Wayfinder (schema version ${version}); this version reads up to ${JOURNEY_SCHEMA_VERSION}. Update Wayfinder to open it.`,
          code: 'newer-schema-version',
          params: { version, supported: JOURNEY_SCHEMA_VERSION },
        },
      ],
    };
  }
  const migrated = runMigrations(raw, version);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const parsed = journeyDocumentSchema.safeParse(migrated.raw, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: toRestoreErrors(parsed.error.issues) };
  return { ok: true, document: parsed.data };
}
