import { useIntl } from 'react-intl';
import { useMemo } from 'react';
import { SeriesChart } from '../../ui/charts/series-chart.tsx';
import type { VariantView } from './forecast-model.ts';

const DAY_MS = 86_400_000;

/** Messages sent per day: the mean over replications with the P10–P90 band behind it. */
export function SendsChart({ view }: { view: VariantView }) {
  const intl = useIntl();
  const { categories, series, bands } = useMemo(
    () => ({
      categories: {
        unit: 'day' as const,
        starts: view.band.map((d) => view.start + d.day * DAY_MS),
      },
      series: [
        {
          key: 'mean',
          label: intl.formatMessage({ id: 'forecast.sends-chart.mean' }),
          values: view.band.map((d) => d.mean),
        },
      ],
      bands: [
        {
          key: 'range',
          label: 'P10–P90',
          lower: view.band.map((d) => d.p10),
          upper: view.band.map((d) => d.p90),
        },
      ],
    }),
    [view, intl],
  );
  return (
    <SeriesChart
      title={intl.formatMessage({ id: 'forecast.sends-chart.title' }, { name: view.name })}
      description={intl.formatMessage({ id: 'forecast.sends-chart.theLineIsTheMean' })}
      categories={categories}
      categoryLabel={intl.formatMessage({ id: 'sim.charts.day' })}
      xAxisLabel={intl.formatMessage({ id: 'sim.charts.dayAxis' })}
      yAxisLabel={intl.formatMessage({ id: 'sim.charts.sentPerDay' })}
      series={series}
      bands={bands}
      kind="line"
    />
  );
}
