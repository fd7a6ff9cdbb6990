import { useEffect, useRef, useState } from 'react';
import type { SetSpan, SimulationProfileSet, SimulationServices } from './simulation-services.tsx';

const spans = new Map<string, SetSpan>();

/**
 * Works out a set's default period (the span of its events) in a worker, once per version of
 * the set, and hands it to `onSpan`; a set without events gets the last 30 days.
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
        const today = new Date();
        const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
        onSpan(setId, { start: midnight, horizonDays: 30 });
      },
    );
    return () => {
      controller.abort();
      setLoading(false);
    };
  }, [services, key, setId, wanted, onSpan]);
  return loading;
}
