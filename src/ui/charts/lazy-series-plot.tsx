import { Suspense } from 'react';
import { onDemand } from '../on-demand.tsx';
import type { SeriesPlotProps } from './series-plot.tsx';

const SeriesPlot = onDemand(() => import('./series-plot.tsx').then((module) => module.SeriesPlot));

/**
 * Fetches the plot's drawing code ahead of the first chart (e.g. when a screen that will show
 * one is idle), so that chart is drawn in the same commit as its figure, not a fetch later.
 */
export const prefetchSeriesPlot = (): Promise<unknown> => SeriesPlot.prefetch();

/**
 * The plot's drawing code (visx, d3 scales and shapes) loads with the first chart shown, not with
 * the editor: most edits never open a simulation result. The box keeps its height meanwhile.
 */
export function LazySeriesPlot(props: SeriesPlotProps) {
  return (
    <Suspense fallback={<div style={{ height: props.height }} aria-hidden="true" />}>
      <SeriesPlot.Component {...props} />
    </Suspense>
  );
}
