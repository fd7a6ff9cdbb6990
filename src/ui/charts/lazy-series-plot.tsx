import { lazy, Suspense } from 'react';
import type { SeriesPlotProps } from './series-plot.tsx';

const SeriesPlot = lazy(() =>
  import('./series-plot.tsx').then((module) => ({ default: module.SeriesPlot })),
);

/**
 * The plot's drawing code (visx, d3 scales and shapes) loads with the first chart shown, not with
 * the editor: most edits never open a simulation result. The box keeps its height meanwhile.
 */
export function LazySeriesPlot(props: SeriesPlotProps) {
  return (
    <Suspense fallback={<div style={{ height: props.height }} aria-hidden="true" />}>
      <SeriesPlot {...props} />
    </Suspense>
  );
}
