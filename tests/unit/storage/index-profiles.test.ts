import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile } from '../../../src/domain/profiles/profile';
import { type EncodedProfiles, encodeProfiles } from '../../../src/storage/profile-codec';
import {
  type Cursor,
  decodeProfileAt,
  decodeProfiles,
  indexProfiles,
} from '../../../src/storage/profile-codec-decode';

const DAY = 86_400_000;

/** What the walk reports: where each profile starts, and its events. */
function walk(encoded: EncodedProfiles, count: number) {
  const starts: Cursor[] = [];
  const events: { name: string; at: number }[][] = [];
  indexProfiles(encoded, count, {
    profile: (_id, at) => {
      starts.push({ ...at });
      events.push([]);
    },
    event: (name, at) => events.at(-1)?.push({ name: encoded.strings[name] as string, at }),
  });
  return { starts, events };
}

/** The profiles decoded from where the walk says they start. */
const decodedAt = (encoded: EncodedProfiles, starts: readonly Cursor[]): Profile[] =>
  starts.map((at) => decodeProfileAt(encoded, at));

function outcome<T>(run: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return { ok: false };
  }
}

describe('indexProfiles: the walk the simulator reads a set with', () => {
  const profiles = generateProfiles({ count: 60, seed: 8, start: 0, end: 90 * DAY });
  const encoded = encodeProfiles(profiles);

  it('reports every profile where it starts and its events, as the full decoder reads them', () => {
    const { starts, events } = walk(encoded, profiles.length);
    expect(decodedAt(encoded, starts)).toEqual(profiles);
    expect(events).toEqual(profiles.map((p) => p.events.map(({ name, at }) => ({ name, at }))));
  });

  it('refuses a damaged chunk exactly when the full decoder does (seeded, 400 damages)', () => {
    type Stream = 'tags' | 'ints' | 'nums';
    const damage = fc.record({
      stream: fc.constantFrom<Stream>('tags', 'ints', 'nums'),
      position: fc.nat(),
      kind: fc.constantFrom('truncate', 'change'),
      // Small values keep tags and indexes mostly valid; large ones point past the chunk's lists.
      value: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 65_535 })),
    });
    fc.assert(
      fc.property(damage, ({ stream, position, kind, value }) => {
        const source = encoded[stream];
        const at = position % source.length;
        let damaged: typeof source;
        if (kind === 'truncate') damaged = source.slice(0, at);
        else {
          damaged = source.slice();
          damaged[at] = stream === 'nums' ? Number.NaN : value;
        }
        const broken = { ...encoded, [stream]: damaged } as EncodedProfiles;
        const decoded = outcome(() => decodeProfiles(broken, profiles.length));
        const walked = outcome(() => walk(broken, profiles.length));
        expect(walked.ok).toBe(decoded.ok);
        if (walked.ok && decoded.ok)
          expect(decodedAt(broken, walked.value.starts)).toEqual(decoded.value);
      }),
      { seed: 20, numRuns: 400 },
    );
  });
});
