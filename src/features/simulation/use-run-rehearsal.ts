import { useEffect, useRef } from 'react';
import { whenIdle } from '../../ui/on-demand.tsx';
import type { SimulationRunRequest, SimulationServices } from './simulation-services.tsx';

/** The run the panel would start now: null while it cannot run (or one is running). */
export type RehearsedRun = Pick<SimulationRunRequest, 'spec' | 'set' | 'options'> & {
  specHash: string;
};

/**
 * Asks the workers, when the browser is idle, to rehearse the run the panel is set up for
 * (see `SimulationServices.prepare`), once per journey version, set version and options: the
 * first run after opening a journey or changing it then simulates with the engine's code ready.
 */
export function useRunRehearsal(
  services: SimulationServices,
  run: RehearsedRun | null,
  /** True while a run is going: that run readies the workers, so none is rehearsed after it. */
  running: boolean,
): void {
  const key =
    run === null
      ? null
      : `${run.specHash}|${run.set.id}:${run.set.updatedAt}|${JSON.stringify(run.options)}`;
  const latest = useRef(run);
  const readied = useRef<string | null>(null);
  // Before the effect below, which reads both: the run as drawn, and a run going readies its key.
  useEffect(() => {
    latest.current = run;
    if (running) readied.current = key;
  });
  useEffect(() => {
    if (key === null || running || readied.current === key || services.prepare === undefined)
      return;
    return whenIdle(() => {
      const { spec, set, options } = latest.current ?? {};
      if (!spec || !set || !options) return;
      readied.current = key;
      services.prepare?.({ spec, set, options });
    });
  }, [services, key, running]);
}
