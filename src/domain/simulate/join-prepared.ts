import type { PreparedProfiles } from './prepared-profiles.ts';
import type { ProfileColumns } from './profile-columns.ts';

/** The typed-array fields of {@link PreparedProfiles} copied part after part. */
type Column = 'hash' | 'firstEntry' | 'firstTrigger' | 'firstSeq' | 'control' | 'reach';

function joined<T extends Uint32Array | Float64Array | Int32Array | Uint8Array>(
  parts: readonly T[],
  total: number,
): T {
  const first = parts[0];
  if (first === undefined) throw new RangeError('joinPrepared needs at least one part');
  const out = new (first.constructor as new (n: number) => T)(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The preparation of `source` (the parts' profiles joined in order, as `concatColumns` gives
 * them) from the preparations of its parts, without working the entries out again: every
 * prepared field is per profile, so the whole is the parts one after the other, with each
 * part's entrant indices moved by the profiles before it. Equal to `prepareColumns` over
 * `source` (a property test checks it).
 */
export function joinPrepared(
  parts: readonly PreparedProfiles[],
  source: ProfileColumns,
): PreparedProfiles {
  const first = parts[0];
  if (first === undefined) throw new RangeError('joinPrepared needs at least one part');
  let total = 0;
  let profiles = 0;
  for (const part of parts) {
    if (part.triggers !== first.triggers || part.reachChannels !== first.reachChannels)
      throw new RangeError('the parts were prepared with other triggers');
    total += part.entrants.length;
    profiles += sourceCount(part.source);
  }
  if (profiles !== source.count) throw new RangeError('the parts are not the profiles given');
  const entrants = new Int32Array(total);
  const entrantProfiles: PreparedProfiles['entrantProfiles'][number][] = [];
  let k = 0;
  let offset = 0;
  for (const part of parts) {
    for (let e = 0; e < part.entrants.length; e++)
      entrants[k++] = (part.entrants[e] as number) + offset;
    for (const profile of part.entrantProfiles) entrantProfiles.push(profile);
    offset += sourceCount(part.source);
  }
  const column = <C extends Column>(name: C): PreparedProfiles[C] =>
    joined(
      parts.map((p) => p[name]),
      total,
    ) as PreparedProfiles[C];
  return {
    source,
    triggers: first.triggers,
    entrants,
    entrantProfiles,
    hash: column('hash'),
    firstEntry: column('firstEntry'),
    firstTrigger: column('firstTrigger'),
    firstSeq: column('firstSeq'),
    control: column('control'),
    reach: column('reach'),
    reachChannels: first.reachChannels,
  };
}

function sourceCount(source: PreparedProfiles['source']): number {
  return Array.isArray(source) ? source.length : (source as ProfileColumns).count;
}
