import { kpiLabel } from '../../i18n/domain-labels.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMemo, type ReactNode } from 'react';
import { compareKpis } from '../../domain/forecast/replications.ts';
import { differenceFormat, differenceTone, formatKpi } from './kpi-format.ts';
import {
  describeDifference,
  describeRelativeLift,
  formatInterval,
  formatMeanDifference,
  verdictLabel,
} from './difference-words.ts';
import type { VariantView } from './forecast-model.ts';
import { TableHead } from '../../ui/table-head.tsx';

/** The KPIs whose differences are spelled out as sentences; the table holds all of them. */
const SPOKEN = ['conversionRate', 'revenue', 'cost', 'messagesPerProfilePerWeek', 'unsubscribes'];

/**
 * A against B on the same profiles with common random numbers: per KPI the paired difference
 * B − A, its interval, and whether it stands out from the noise.
 */
export function CompareView({
  a,
  b,
  confidence = 0.9,
}: {
  a: VariantView;
  b: VariantView;
  confidence?: number;
}) {
  const intl = useIntl();
  const kpis = useMemo(
    () => a.kpis.filter((k) => b.kpis.some((other) => other.key === k.key)),
    [a, b],
  );
  const comparisons = useMemo(
    () =>
      compareKpis(
        a.values,
        b.values,
        kpis.map((k) => k.key),
        confidence,
      ),
    [a, b, kpis, confidence],
  );
  return (
    <section className="forecast-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">
        <FormattedMessage id="forecast.compare-view.aAgainstB" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="forecast.compare-view.whoIsWhoAndHowCompared"
          values={{
            a: a.name,
            b: b.name,
            level: confidence,
            strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
          }}
        />
      </p>
      <ul
        className="difference-list"
        aria-label={intl.formatMessage({ id: 'forecast.compare-view.differencesInPlainWords' })}
      >
        {kpis
          .filter((k) => SPOKEN.includes(k.key) && comparisons[k.key] !== undefined)
          .map((kpi) => {
            const c = comparisons[kpi.key];
            if (c === undefined) return null;
            return (
              <li key={kpi.key} className={`difference difference-${differenceTone(kpi, c)}`}>
                {describeDifference(intl, kpi, c, confidence, c.meanA)}
              </li>
            );
          })}
      </ul>
      <div className="forecast-table-wrap">
        <table className="data-table forecast-table">
          <caption>
            <FormattedMessage id="forecast.compare-view.everyKpiABAnd" />
          </caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'forecast.compare-view.kpi' }),
              { label: intl.formatMessage({ id: 'forecast.compare-view.aMean' }), numeric: true },
              { label: intl.formatMessage({ id: 'forecast.compare-view.bMean' }), numeric: true },
              { label: intl.formatMessage({ id: 'forecast.compare-view.bA' }), numeric: true },
              {
                label: intl.formatMessage(
                  { id: 'forecast.compare-view.levelRange' },
                  { level: confidence },
                ),
                numeric: true,
              },
              intl.formatMessage({ id: 'forecast.compare-view.relativeToA' }),
              intl.formatMessage({ id: 'forecast.compare-view.verdict' }),
            ]}
          />
          <tbody>
            {kpis.map((kpi) => {
              const c = comparisons[kpi.key];
              // A and B over the replications the difference pairs (both have a value), so the
              // row adds up: B − A is the difference shown beside them.
              const baseline = c?.meanA ?? a.summaries[kpi.key]?.mean ?? NaN;
              const other = c?.meanB ?? b.summaries[kpi.key]?.mean ?? NaN;
              const format = c ? differenceFormat(kpi.unit, c.meanDiff, c.ci) : null;
              return (
                <tr key={kpi.key}>
                  <th scope="row">{kpiLabel(intl, kpi)}</th>
                  <td className="num">{formatKpi(kpi.unit, baseline)}</td>
                  <td className="num">{formatKpi(kpi.unit, other)}</td>
                  <td className="num">
                    {c && format ? formatMeanDifference(intl, kpi, format, c.meanDiff) : '–'}
                  </td>
                  <td className="num">
                    {c && format ? formatInterval(intl, kpi, format, c.ci) : '–'}
                  </td>
                  <td>{c ? describeRelativeLift(intl, c, baseline) : '–'}</td>
                  <td>
                    {c === undefined
                      ? intl.formatMessage({ id: 'forecast.compare-view.notEnoughValues' })
                      : verdictLabel(intl, c)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
