import type { JourneyStep } from '../domain/index.ts';

/** Text as it is compared: accents dropped, lower case ("Événement" finds "evenement"). */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How well a step matches, best first: its name starts with the query, holds it whole, holds
 * every word of it; else the words are found across its name, kind and id.
 */
function rank(name: string, query: string, terms: readonly string[]): number {
  if (name.startsWith(query)) return 0;
  if (name.includes(query)) return 1;
  if (terms.every((term) => name.includes(term))) return 2;
  return 3;
}

/**
 * The steps a "find a step" query names: every word of the query is found in the step's name or
 * its kind (as the user reads it, `kindLabel`, or its id, `email`), or the whole query in the
 * step's id, ignoring case and accents. (Ids are matched whole: "reminder 1" must not find
 * "Opened reminder 2?" because its id is `step-13`.) Best matches first (see {@link rank}), in
 * the journey's order within a rank; an empty query gives every step in that order.
 */
export function findSteps(
  steps: readonly JourneyStep[],
  query: string,
  kindLabel: (kind: string) => string,
): JourneyStep[] {
  const whole = folded(query.trim());
  const terms = whole.split(/\s+/).filter((term) => term !== '');
  if (terms.length === 0) return [...steps];
  const labels = new Map<string, string>();
  const kindText = (kind: string) => {
    let text = labels.get(kind);
    if (text === undefined) {
      text = folded(`${kindLabel(kind)} ${kind}`);
      labels.set(kind, text);
    }
    return text;
  };
  return steps
    .flatMap((step, order) => {
      const name = folded(step.label);
      const text = `${name}\n${kindText(step.kind)}`;
      const found = terms.every((term) => text.includes(term)) || folded(step.id).includes(whole);
      if (!found) return [];
      return [{ step, order, rank: rank(name, whole, terms) }];
    })
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((match) => match.step);
}
