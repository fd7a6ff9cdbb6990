import { useEffect, useRef, useState } from 'react';
import { undatedPeriod } from '../../domain/index.ts';
import type { SetSpan, SimulationProfileSet, SimulationServices } from './simulation-services.tsx';

const spans = new Map<string, SetSpan>();

/**
 * Works out a set's default period (the span of its events) in a worker, once per version of
 * the set, and hands it to `onSpan`; a set that cannot be read gets the domain's period of a set
 * without events (30 days from today).
 */
export function useSetSpan(
  services: SimulationServices,
  set: SimulationProfileSet | undefined,
  wanted: boolean,
  onSpan: (setId: string, span: Pick<SetSpan, 'start' | 'horizonDays'>) => void,
): boolean {
  const [loading, setLoading] = useState(false);
  const key = set ? `${set.id}:${set.updatedAt}` : null;
  const setId = set?.id;
  const latest = useRef(set);
  latest.current = set;
  useEffect(() => {
    const chosen = latest.current;
    if (!wanted || key === null || setId === undefined || chosen === undefined) return;
    const known = spans.get(key);
    if (known) {
      onSpan(setId, known);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    services.readSpan(chosen, controller.signal).then(
      (span) => {
        spans.set(key, span);
        if (!controller.signal.aborted) {
          setLoading(false);
          onSpan(setId, span);
        }
      },
      () => {
        if (controller.signal.aborted) return;
        setLoading(false);
        onSpan(setId, undatedPeriod(Date.now()));
      },
    );
    return () => {
      controller.abort();
      setLoading(false);
    };
  }, [services, key, setId, wanted, onSpan]);
  return loading;
}
