import { useMemo } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { notSentTotals } from '../../domain/live/live-overlay.ts';
import type { VersionForecast, ForecastDay } from '../../domain/live/version-forecast.ts';
import type { VersionCounts } from '../../api/executor-contract.ts';
import { SeriesChart } from '../../ui/charts/series-chart.tsx';

type Figure = 'entries' | 'sends' | 'conversions';
const FIGURES: readonly Figure[] = ['entries', 'sends', 'conversions'];
const TITLES = defineMessages({
  entries: { id: 'live.chart.entries' },
  sends: { id: 'live.chart.sends' },
  conversions: { id: 'live.chart.conversions' },
});

/**
 * The forecast's days from the version's publication to the counts' date, each with the actual
 * figures of that UTC date (0 when nothing happened that day): before publication nothing could
 * happen, and days still to come have no actual figure yet.
 */
export function alignDays(
  forecast: readonly ForecastDay[],
  actual: VersionCounts['daily'],
  fromDay: string,
  asOfDay: string,
) {
  const byDay = new Map(actual.map((d) => [d.day, d]));
  const covered = new Set(forecast.map((d) => d.day));
  return {
    days: forecast
      .filter((d) => d.day >= fromDay && d.day <= asOfDay)
      .map((d) => ({ forecast: d, actual: byDay.get(d.day) ?? null })),
    /** Days with actual figures outside the forecast's period. */
    outside: actual.filter((d) => !covered.has(d.day)).length,
  };
}

/**
 * Forecast against actual over time: per figure, the forecast's P10–P90 band and median per day
 * with the executor's daily figures drawn over it (days after the counts' time are left empty).
 */
export function ForecastVsActual({
  forecast,
  counts,
  publishedAt,
}: {
  forecast: VersionForecast;
  counts: VersionCounts;
  /** When the version was published (ISO): its first day is the chart's first. */
  publishedAt: string;
}) {
  const intl = useIntl();
  const asOfDay = counts.asOf.slice(0, 10);
  const { days, outside } = useMemo(
    () => alignDays(forecast.daily, counts.daily, publishedAt.slice(0, 10), asOfDay),
    [forecast.daily, counts.daily, publishedAt, asOfDay],
  );
  // Sends the forecast counts and the actual line cannot: said beside the charts.
  const notSent = notSentTotals(counts);
  const categories = {
    unit: 'day' as const,
    starts: days.map((d) => Date.parse(d.forecast.day)),
  };
  return (
    <div className="live-chart">
      <p className="muted">
        <FormattedMessage
          id="live.chart.about"
          values={{
            version: forecast.version,
            set: forecast.profileSetName,
            profiles: forecast.profiles,
            replications: forecast.replications,
          }}
        />
      </p>
      {outside > 0 && (
        <p role="note">
          <FormattedMessage id="live.chart.outside" values={{ count: outside }} />
        </p>
      )}
      {notSent.stopped + notSent.unrendered > 0 && (
        <p role="note">
          <FormattedMessage
            id="live.chart.notSent"
            values={{ ...notSent, notSent: notSent.stopped + notSent.unrendered }}
          />
        </p>
      )}
      {days.length === 0 && (
        <p role="note">
          <FormattedMessage id="live.chart.notYet" />
        </p>
      )}
      {days.length > 0 &&
        FIGURES.map((figure) => {
          const title = intl.formatMessage(TITLES[figure]);
          return (
            <SeriesChart
              key={figure}
              title={title}
              description={intl.formatMessage({ id: 'live.chart.description' })}
              categories={categories}
              categoryLabel={intl.formatMessage({ id: 'live.chart.day' })}
              xAxisLabel={intl.formatMessage({ id: 'live.chart.xAxis' })}
              yAxisLabel={title}
              kind="line"
              series={[
                {
                  key: 'median',
                  label: intl.formatMessage({ id: 'live.chart.median' }),
                  values: days.map((d) => d.forecast[figure].p50),
                },
                {
                  key: 'actual',
                  label: intl.formatMessage({ id: 'live.chart.actual' }),
                  color: '#d55e00',
                  values: days.map((d) => d.actual?.[figure] ?? 0),
                },
              ]}
              bands={[
                {
                  key: 'range',
                  label: intl.formatMessage({ id: 'live.chart.band' }),
                  lower: days.map((d) => d.forecast[figure].p10),
                  upper: days.map((d) => d.forecast[figure].p90),
                },
              ]}
            />
          );
        })}
    </div>
  );
}
