/** Makes a fresh unique id; injectable so tests and templates can be deterministic. */
export type IdGenerator = () => string;

/** Random UUIDs from `crypto.randomUUID` (Node 20, browsers, workers). */
export const randomId: IdGenerator = () => crypto.randomUUID();

/** A deterministic generator: `prefix-1`, `prefix-2`, … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
