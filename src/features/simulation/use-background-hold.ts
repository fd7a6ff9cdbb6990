import { useEffect, useState } from 'react';

/** Runs `work` ahead of the app's background work (see `SimulationPanelProps`). */
export type AheadOfBackgroundWork = <T>(work: Promise<T>) => Promise<T>;

/**
 * How long a chosen set holds background work at most when no run comes: the editor's panel is
 * mounted (and chooses a set) whenever a journey is open, and a journey opened to be edited, not
 * run, must not keep the profile pages' fits from being made.
 */
export const HOLD_MS = 10_000;

/**
 * Holds the app's background work (through `ahead`) from the moment a set is chosen (`key`, its
 * id and version) until the first run on it has ended, or {@link HOLD_MS} have passed: the
 * workers read the set and rehearse the run meanwhile, and the person is about to press Run. On
 * two cores a customer-value fit of a just-generated set, started then, took most of a core from
 * the first run, and stopping it at the click came too late: Chromium ends a worker that is
 * mid-task only when the task ends, or after two seconds. Holding stops such a fit when the set
 * is chosen and starts none until the run is over; runs after the first go ahead of background
 * work on their own.
 */
export function useBackgroundHold(
  ahead: AheadOfBackgroundWork | undefined,
  key: string | null,
  running: boolean,
): void {
  const [ranOn, setRanOn] = useState<string | null>(null);
  const [wasRunning, setWasRunning] = useState(running);
  if (wasRunning !== running) {
    // Adjusted while rendering, so the render where a run ends already holds nothing.
    setWasRunning(running);
    if (!running) setRanOn(key);
  }
  // While a run goes, the run itself holds background work.
  const holding = key !== null && !running && ranOn !== key;
  useEffect(() => {
    if (!holding || ahead === undefined) return;
    let release: () => void = () => undefined;
    void ahead(new Promise<void>((resolve) => (release = resolve)));
    const timer = setTimeout(() => release(), HOLD_MS);
    return () => {
      clearTimeout(timer);
      release();
    };
  }, [ahead, holding, key]);
}
