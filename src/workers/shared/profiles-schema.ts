import { z } from 'zod';
import type { Profile } from '../../domain/profiles/profile.ts';

function isProfileLike(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const { id, attributes, events } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof attributes === 'object' &&
    attributes !== null &&
    Array.isArray(events)
  );
}

/**
 * Profiles sent to a worker, checked for shape (id, attributes, events) in one pass: they come
 * from our own storage or generator, and parsing every event of a million profiles (or a
 * per-element schema on every replication) would cost more than the work itself.
 */
export const workerProfilesSchema = z.custom<Profile[]>(
  (value) => Array.isArray(value) && value.every(isProfileLike),
  'expected profiles, each with an id, attributes and events',
);
