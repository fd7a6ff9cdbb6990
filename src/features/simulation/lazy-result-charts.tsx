import { lazy, Suspense } from 'react';
import type { SimulationResult } from '../../domain/index.ts';

let loading: Promise<typeof import('./result-charts.tsx')> | undefined;

/**
 * Starts loading the charts module (and the chart library with it) without waiting: the panel
 * calls it when it opens, so neither the editor's first load nor the click on Run evaluates it.
 */
export function preloadResultCharts(): Promise<typeof import('./result-charts.tsx')> {
  loading ??= import('./result-charts.tsx');
  return loading;
}

const LazyResultCharts = lazy(async () => ({
  default: (await preloadResultCharts()).ResultCharts,
}));

/** The run's charts, loaded on demand; an empty frame of the same height stands in meanwhile. */
export function ResultChartsOnDemand({ result }: { result: SimulationResult }) {
  return (
    <Suspense
      fallback={
        <div className="sim-charts">
          <div className="sim-chart-reserved" aria-hidden="true" />
        </div>
      }
    >
      <LazyResultCharts result={result} />
    </Suspense>
  );
}
