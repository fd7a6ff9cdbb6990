import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { HoldoutCheck } from '../../../domain/forecast/clv-holdout.ts';
import { SeriesChart } from '../../../ui/charts/series-chart.tsx';
import { formatDay } from '../../../ui/kpi/format-day.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';

const ACTUAL = '#000000';
const PREDICTED = '#0072b2';

/**
 * The standard checks of a BG/NBD fit on the held-out period: the tracking plot of Fader, Hardie
 * and Lee (2005), cumulative and weekly repeat purchases actual against predicted with the
 * calibration end marked, and conditional expectations by calibration purchases.
 */
export function HoldoutCharts({ check }: { check: HoldoutCheck }) {
  const intl = useIntl();
  const weeks = check.tracking;
  const firstHoldout = weeks.findIndex((w) => w.holdout);
  const markers =
    firstHoldout > 0
      ? [
          {
            index: firstHoldout,
            label: intl.formatMessage(
              { id: 'forecast.holdout-charts.calibrationEnds' },
              { day: formatDay(check.calibrationEnd) },
            ),
          },
        ]
      : [];
  const last = weeks.at(-1);
  const partial =
    last !== undefined && last.days < 7
      ? [
          {
            index: weeks.length - 1,
            note: intl.formatMessage(
              { id: 'forecast.holdout-charts.daysOfTheWeek' },
              { days: last.days },
            ),
          },
        ]
      : [];
  /** What both tracking plots share: weeks along the bottom, calibration end and part week marked. */
  const weeklyAxis = {
    categories: { unit: 'week' as const, starts: weeks.map((w) => Date.parse(w.from)) },
    categoryLabel: intl.formatMessage({ id: 'forecast.holdout-charts.weekStarting' }),
    xAxisLabel: intl.formatMessage({ id: 'forecast.holdout-charts.weekStartingAxis' }),
    markers,
    partial,
  };
  const actualAgainstPredicted = (actual: number[], predicted: number[]) => [
    {
      key: 'actual',
      label: intl.formatMessage({ id: 'forecast.holdout-charts.actual' }),
      values: actual,
      color: ACTUAL,
    },
    {
      key: 'predicted',
      label: intl.formatMessage({ id: 'forecast.holdout-charts.predictedBgNbd' }),
      values: predicted,
      color: PREDICTED,
    },
  ];
  const gap = check.predictedHoldoutPurchases / check.actualHoldoutPurchases - 1;
  const count = (n: number) => formatNumber(n, 'count');
  const decimal = (n: number) => formatNumber(n, 'number');
  return (
    <>
      <p>
        <FormattedMessage
          id="forecast.holdout-charts.heldOutCheck"
          values={{
            // Rounded as shown, so the plural agrees with the number the reader sees.
            weeks: Math.round(check.holdoutWeeks * 100) / 100,
            from: formatDay(check.calibrationEnd),
            to: formatDay(check.holdoutEnd),
            customers: check.customers,
            actual: count(check.actualHoldoutPurchases),
            predicted: count(check.predictedHoldoutPurchases),
            hasGap: Number.isFinite(gap) ? 'yes' : 'no',
            gap: Number.isFinite(gap) ? gap : 0,
            strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
          }}
        />
      </p>
      <div className="clv-charts">
        <SeriesChart
          title={intl.formatMessage({
            id: 'forecast.holdout-charts.trackingPlotCumulativeRepeatPurchases',
          })}
          description={intl.formatMessage({
            id: 'forecast.holdout-charts.actualRepeatPurchasesOfThe',
          })}
          {...weeklyAxis}
          yAxisLabel={intl.formatMessage({ id: 'forecast.holdout-charts.repeatPurchasesTotal' })}
          series={actualAgainstPredicted(
            weeks.map((w) => w.cumulativeActual),
            weeks.map((w) => w.cumulativePredicted),
          )}
          format={count}
        />
        <SeriesChart
          title={intl.formatMessage({
            id: 'forecast.holdout-charts.trackingPlotRepeatPurchasesPer',
          })}
          description={intl.formatMessage({ id: 'forecast.holdout-charts.theSameWeekByWeek' })}
          {...weeklyAxis}
          yAxisLabel={intl.formatMessage({ id: 'forecast.holdout-charts.repeatPurchasesAxis' })}
          series={actualAgainstPredicted(
            weeks.map((w) => w.actual),
            weeks.map((w) => w.predicted),
          )}
          format={decimal}
        />
        <SeriesChart
          title={intl.formatMessage({
            id: 'forecast.holdout-charts.conditionalExpectationsHoldoutPurchasesBy',
          })}
          description={intl.formatMessage(
            { id: 'forecast.holdout-charts.customersGroupedByRepeatPurchases' },
            { day: formatDay(check.calibrationEnd) },
          )}
          categories={check.conditional.map((r) => `${r.x}${r.orMore ? '+' : ''}`)}
          categoryLabel={intl.formatMessage({
            id: 'forecast.holdout-charts.repeatPurchasesInCalibration',
          })}
          xAxisLabel={intl.formatMessage({
            id: 'forecast.holdout-charts.repeatPurchasesInTheCalibrationPeriod',
          })}
          yAxisLabel={intl.formatMessage({ id: 'forecast.holdout-charts.perCustomerMean' })}
          kind="bar"
          series={actualAgainstPredicted(
            check.conditional.map((r) => r.actual),
            check.conditional.map((r) => r.predicted),
          )}
          format={decimal}
        />
      </div>
    </>
  );
}
