import { PROFILE_SCHEMA_VERSION, type Profile } from '../domain/profiles/profile';

/** The `format` of a profile set export, which `importJson` recognises. */
export const PROFILE_EXPORT_FORMAT = 'wayfinder.profiles';

/** What an export says of its set, before the profiles. */
export interface ExportedSetHeader {
  name: string;
  source: string;
  count: number;
  exportedAt: number;
}

/**
 * A profile set's export as JSON text in parts, one per chunk of profiles given: joined, the
 * parts are exactly `JSON.stringify({ format, version, set, profiles })`, yet only one chunk's
 * profiles are held at a time.
 */
export async function* profileSetJsonParts(
  set: ExportedSetHeader,
  chunks: AsyncIterable<readonly Profile[]>,
): AsyncGenerator<string> {
  const head = JSON.stringify({
    format: PROFILE_EXPORT_FORMAT,
    version: PROFILE_SCHEMA_VERSION,
    set,
  });
  // The object's closing brace gives way to the profiles array, closed after the last chunk.
  yield `${head.slice(0, -1)},"profiles":[`;
  let first = true;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    const text = chunk.map((profile) => JSON.stringify(profile)).join(',');
    yield first ? text : `,${text}`;
    first = false;
  }
  yield ']}';
}
