import type { JourneyDocument } from '../../../domain/index.ts';

/** How two versions of one journey differ, in words a marketer reads. */
export interface VersionDiff {
  /** Both names when they differ. */
  name?: { mine: string; theirs: string };
  onlyMine: string[];
  onlyTheirs: string[];
  /** Labels of steps in both whose label, settings or connections differ. */
  changed: string[];
  settingsDiffer: boolean;
}

const labelOf = (step: { label: string; id: string }) => step.label || step.id;

function stepShapes(document: JourneyDocument): Map<string, string> {
  const outgoing = new Map<string, string[]>();
  for (const c of document.connections) {
    const list = outgoing.get(c.from) ?? [];
    list.push(JSON.stringify(c));
    outgoing.set(c.from, list);
  }
  return new Map(
    document.steps.map((s) => [
      s.id,
      JSON.stringify({ ...s, position: undefined, out: outgoing.get(s.id)?.sort() ?? [] }),
    ]),
  );
}

/** The differences between this editor's version and the stored one. */
export function diffVersions(mine: JourneyDocument, theirs: JourneyDocument): VersionDiff {
  const mineSteps = new Map(mine.steps.map((s) => [s.id, s]));
  const theirSteps = new Map(theirs.steps.map((s) => [s.id, s]));
  const mineShapes = stepShapes(mine);
  const theirShapes = stepShapes(theirs);
  return {
    ...(mine.name !== theirs.name ? { name: { mine: mine.name, theirs: theirs.name } } : {}),
    onlyMine: mine.steps.filter((s) => !theirSteps.has(s.id)).map(labelOf),
    onlyTheirs: theirs.steps.filter((s) => !mineSteps.has(s.id)).map(labelOf),
    changed: mine.steps
      .filter((s) => theirSteps.has(s.id) && mineShapes.get(s.id) !== theirShapes.get(s.id))
      .map(labelOf),
    settingsDiffer:
      JSON.stringify([mine.settings, mine.description, mine.lifecycleStage]) !==
      JSON.stringify([theirs.settings, theirs.description, theirs.lifecycleStage]),
  };
}
