import { FormattedMessage, useIntl } from 'react-intl';
import type { HoldoutCheck } from '../../../domain/forecast/clv-holdout.ts';
import { SeriesChart } from '../../../ui/charts/series-chart.tsx';
import { formatNumber } from '../../../ui/kpi/format-number.ts';

const FULL_STOP = '.';

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
  const categories = weeks.map((w) => w.from);
  const firstHoldout = weeks.findIndex((w) => w.holdout);
  const markers =
    firstHoldout > 0
      ? [{ index: firstHoldout, label: `calibration ends ${check.calibrationEnd}` }]
      : [];
  const last = weeks.at(-1);
  const partial =
    last !== undefined && last.days < 7
      ? [{ index: weeks.length - 1, note: `${last.days} of 7 days` }]
      : [];
  const gap = check.predictedHoldoutPurchases / check.actualHoldoutPurchases - 1;
  const count = (n: number) => formatNumber(n, 'count');
  const decimal = (n: number) => formatNumber(n, 'number');
  return (
    <>
      <p>
        <FormattedMessage id="forecast.holdout-charts.inThe" />{' '}
        {formatNumber(check.holdoutWeeks, 'number')}{' '}
        <FormattedMessage id="forecast.holdout-charts.heldOutWeeks" />
        {check.calibrationEnd} <FormattedMessage id="forecast.holdout-charts.to" />{' '}
        {check.holdoutEnd}
        <FormattedMessage id="forecast.holdout-charts.the" /> {count(check.customers)}{' '}
        <FormattedMessage id="forecast.holdout-charts.customersMade" />{' '}
        <strong>{count(check.actualHoldoutPurchases)}</strong>{' '}
        <FormattedMessage id="forecast.holdout-charts.repeatPurchasesTheModelExpected" />{' '}
        <strong>{count(check.predictedHoldoutPurchases)}</strong>
        {Number.isFinite(gap) &&
          intl.formatMessage(
            { id: 'forecast.holdout-charts.gap' },
            { gap: `${gap >= 0 ? '+' : ''}${formatNumber(gap, 'percent')}` },
          )}
        {FULL_STOP}
      </p>
      <div className="clv-charts">
        <SeriesChart
          title={intl.formatMessage({
            id: 'forecast.holdout-charts.trackingPlotCumulativeRepeatPurchases',
          })}
          description={intl.formatMessage({
            id: 'forecast.holdout-charts.actualRepeatPurchasesOfThe',
          })}
          categories={categories}
          categoryLabel="Week starting"
          xAxisLabel="Week starting (date, UTC)"
          yAxisLabel="Repeat purchases, total"
          series={[
            {
              key: 'actual',
              label: intl.formatMessage({ id: 'forecast.holdout-charts.actual' }),
              values: weeks.map((w) => w.cumulativeActual),
              color: ACTUAL,
            },
            {
              key: 'predicted',
              label: intl.formatMessage({ id: 'forecast.holdout-charts.predictedBgNbd' }),
              values: weeks.map((w) => w.cumulativePredicted),
              color: PREDICTED,
            },
          ]}
          markers={markers}
          partial={partial}
          format={count}
        />
        <SeriesChart
          title={intl.formatMessage({
            id: 'forecast.holdout-charts.trackingPlotRepeatPurchasesPer',
          })}
          description={intl.formatMessage({ id: 'forecast.holdout-charts.theSameWeekByWeek' })}
          categories={categories}
          categoryLabel="Week starting"
          xAxisLabel="Week starting (date, UTC)"
          yAxisLabel="Repeat purchases"
          series={[
            {
              key: 'actual',
              label: intl.formatMessage({ id: 'forecast.holdout-charts.actual' }),
              values: weeks.map((w) => w.actual),
              color: ACTUAL,
            },
            {
              key: 'predicted',
              label: intl.formatMessage({ id: 'forecast.holdout-charts.predictedBgNbd' }),
              values: weeks.map((w) => w.predicted),
              color: PREDICTED,
            },
          ]}
          markers={markers}
          partial={partial}
          format={decimal}
        />
        <SeriesChart
          title={intl.formatMessage({
            id: 'forecast.holdout-charts.conditionalExpectationsHoldoutPurchasesBy',
          })}
          description={`Customers grouped by their repeat purchases up to ${check.calibrationEnd}: the mean repeat purchases each group made in the holdout, against the model's expectation for them.`}
          categories={check.conditional.map((r) => `${r.x}${r.orMore ? '+' : ''}`)}
          categoryLabel="Repeat purchases in calibration"
          xAxisLabel="Repeat purchases in the calibration period"
          yAxisLabel="Per customer (mean)"
          kind="bar"
          series={[
            {
              key: 'actual',
              label: intl.formatMessage({ id: 'forecast.holdout-charts.actual' }),
              values: check.conditional.map((r) => r.actual),
              color: ACTUAL,
            },
            {
              key: 'predicted',
              label: intl.formatMessage({ id: 'forecast.holdout-charts.predictedBgNbd' }),
              values: check.conditional.map((r) => r.predicted),
              color: PREDICTED,
            },
          ]}
          format={decimal}
        />
      </div>
    </>
  );
}
