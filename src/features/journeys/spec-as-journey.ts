import { restore, specSchema, specToDocument, type JourneyDocument } from '../../domain/index.ts';

/** Columns and rows of a journey rebuilt from a spec, which keeps no positions. */
const COLUMN = 320;
const ROW = 160;

/** Steps placed left to right by their distance from the entry steps, one row per branch. */
function placed(document: JourneyDocument, entry: readonly string[]): JourneyDocument {
  const rank = new Map<string, number>();
  const queue = [...entry.filter((id) => document.steps.some((s) => s.id === id))];
  for (const id of queue) rank.set(id, 0);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const c of document.connections) {
      if (c.from !== id || rank.has(c.to)) continue;
      rank.set(c.to, (rank.get(id) ?? 0) + 1);
      queue.push(c.to);
    }
  }
  const rows = new Map<number, number>();
  const steps = document.steps.map((step) => {
    const column = rank.get(step.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...step, position: { x: column * COLUMN, y: row * ROW } };
  });
  return { ...document, steps };
}

/**
 * A compiled spec read back as a journey, for a spec imported where a journey was expected:
 * undefined when the value is not a valid spec. Positions are made up (a spec keeps none).
 */
export function specAsJourney(value: unknown): JourneyDocument | undefined {
  const spec = specSchema.safeParse(value);
  if (!spec.success) return undefined;
  const restored = restore(specToDocument(spec.data).document);
  if (!restored.ok) return undefined;
  return placed(restored.document, spec.data.entry);
}
