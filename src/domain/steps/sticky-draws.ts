/** 32-bit FNV-1a over UTF-16 code units: the hash the spec fixes for sticky draws. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whether a profile is held out of a journey (spec §3.2): drawn once per profile and journey. */
export function isInControlGroup(
  profileId: string,
  journeyId: string,
  controlGroupPercent: number,
): boolean {
  return hash32(`${profileId}:${journeyId}:control`) % 10000 < controlGroupPercent * 100;
}

/**
 * The random-split variant of a profile (spec §5.2): sticky per profile and step, so re-entry
 * gives the same answer. Returns the first variant whose cumulative percentage exceeds the draw.
 */
export function pickVariant<V extends { key: string; percent: number }>(
  profileId: string,
  stepId: string,
  variants: readonly V[],
): V | undefined {
  const u = (hash32(`${profileId}:${stepId}`) % 10000) / 100;
  let cumulative = 0;
  for (const v of variants) {
    cumulative += v.percent;
    if (u < cumulative) return v;
  }
  return variants[variants.length - 1];
}
