import { stableJson, type Spec, type SpecStep } from '../../domain/index.ts';

export interface StepRef {
  id: string;
  label: string;
  kind: string;
}

export interface ChangedStep extends StepRef {
  /** Top-level fields that differ (`subject`, `next`, `label`, …). */
  fields: string[];
}

/** What publishing would change, step by step and setting by setting. */
export interface SpecDiff {
  added: StepRef[];
  removed: StepRef[];
  changed: ChangedStep[];
  /** Settings (`frequencyCap`, `quietHours`, …) whose value differs. */
  settingsChanged: string[];
  /** The journey's name, lifecycle stage or entry steps changed. */
  journeyChanged: string[];
}

const ref = (step: SpecStep): StepRef => ({ id: step.id, label: step.label, kind: step.kind });
const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !same(a[k], b[k]));
}

/**
 * Compares two compiled specs (the version number is ignored). `previous` null: nothing was
 * published yet, so every step is added.
 */
export function diffSpecs(previous: Spec | null, next: Spec): SpecDiff {
  const before = previous?.steps ?? {};
  const added: StepRef[] = [];
  const changed: ChangedStep[] = [];
  for (const [id, step] of Object.entries(next.steps)) {
    const old = before[id];
    if (old === undefined) added.push(ref(step));
    else if (!same(old, step)) changed.push({ ...ref(step), fields: differingKeys(old, step) });
  }
  const removed = Object.entries(before)
    .filter(([id]) => !(id in next.steps))
    .map(([, step]) => ref(step));
  if (previous === null) {
    return { added, removed, changed, settingsChanged: [], journeyChanged: [] };
  }
  const journeyChanged = [
    ...differingKeys(
      { name: previous.journey.name, lifecycleStage: previous.journey.lifecycleStage },
      { name: next.journey.name, lifecycleStage: next.journey.lifecycleStage },
    ),
    ...(same(previous.entry, next.entry) ? [] : ['entry']),
  ];
  return {
    added,
    removed,
    changed,
    settingsChanged: differingKeys(previous.settings, next.settings),
    journeyChanged,
  };
}

/** Whether a diff has nothing in it. */
export function isEmptyDiff(diff: SpecDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.changed.length === 0 &&
    diff.settingsChanged.length + diff.journeyChanged.length === 0
  );
}
