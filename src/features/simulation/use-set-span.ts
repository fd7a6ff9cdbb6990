import { useEffect, useRef, useState } from 'react';
import { undatedPeriod } from '../../domain/index.ts';
import type { SetSpan, SimulationProfileSet, SimulationServices } from './simulation-services.tsx';

/** A set's default period. */
export type SetPeriod = Pick<SetSpan, 'start' | 'horizonDays'>;

/** The chosen set's default period, once known, and whether it is being worked out. */
export interface SetSpanRead {
  span: SetPeriod | undefined;
  loading: boolean;
}

const spans = new Map<string, SetSpan>();

/**
 * Works out a set's default period (the span of its events) in a worker, once per version of
 * the set, while `wanted`; a set that cannot be read gets the domain's period of a set without
 * events (30 days from today). The span is returned, not written into the form: a form change
 * made as the span arrives (before React drew it) would otherwise overwrite it, and nothing
 * would ask for it again.
 */
export function useSetSpan(
  services: SimulationServices,
  set: SimulationProfileSet | undefined,
  wanted: boolean,
): SetSpanRead {
  const [read, setRead] = useState<{ key: string; span: SetPeriod } | null>(null);
  const key = set ? `${set.id}:${set.updatedAt}` : null;
  const latest = useRef(set);
  latest.current = set;
  const span =
    key === null ? undefined : (spans.get(key) ?? (read?.key === key ? read.span : undefined));
  const known = span !== undefined;
  useEffect(() => {
    const chosen = latest.current;
    if (!wanted || known || key === null || chosen === undefined) return;
    const controller = new AbortController();
    services.readSpan(chosen, controller.signal).then(
      (found) => {
        spans.set(key, found);
        if (!controller.signal.aborted) setRead({ key, span: found });
      },
      () => {
        if (!controller.signal.aborted) setRead({ key, span: undatedPeriod(Date.now()) });
      },
    );
    return () => controller.abort();
  }, [services, key, wanted, known]);
  return { span, loading: wanted && key !== null && !known };
}
