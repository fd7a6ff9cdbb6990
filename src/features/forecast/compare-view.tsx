import { useMemo } from 'react';
import { compareKpis } from '../../domain/forecast/replications.ts';
import {
  describeDifference,
  describeRelativeLift,
  differenceFormat,
  differenceTone,
  formatDifference,
  formatInterval,
  formatKpi,
  verdictLabel,
} from './kpi-format.ts';
import type { VariantView } from './forecast-model.ts';

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
  const level = `${Math.round(confidence * 100)}%`;
  return (
    <section className="forecast-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">A against B</h2>
      <p className="muted">
        A is <strong>{a.name}</strong>, B is <strong>{b.name}</strong>. Both ran on the same
        profiles with the same seeds, so shared luck cancels out of each difference. A difference is
        called real only when its whole {level} range lies on one side of zero; a range that
        contains zero means no detectable difference.
      </p>
      <ul className="difference-list" aria-label="Differences in plain words">
        {kpis
          .filter((k) => SPOKEN.includes(k.key) && comparisons[k.key] !== undefined)
          .map((kpi) => {
            const c = comparisons[kpi.key];
            if (c === undefined) return null;
            return (
              <li key={kpi.key} className={`difference difference-${differenceTone(kpi, c)}`}>
                {describeDifference(kpi, c, confidence, a.summaries[kpi.key]?.mean ?? NaN)}
              </li>
            );
          })}
      </ul>
      <div className="forecast-table-wrap">
        <table className="data-table forecast-table">
          <caption>Every KPI: A, B and the difference B − A</caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" className="num">
                A (mean)
              </th>
              <th scope="col" className="num">
                B (mean)
              </th>
              <th scope="col" className="num">
                B − A
              </th>
              <th scope="col" className="num">
                {level} range
              </th>
              <th scope="col">Relative to A</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => {
              const c = comparisons[kpi.key];
              const baseline = a.summaries[kpi.key]?.mean ?? NaN;
              const format = c ? differenceFormat(kpi.unit, c.meanDiff, c.ci) : null;
              const points = kpi.unit === 'share' ? ' pp' : '';
              return (
                <tr key={kpi.key}>
                  <th scope="row">{kpi.label}</th>
                  <td className="num">{formatKpi(kpi.unit, baseline)}</td>
                  <td className="num">{formatKpi(kpi.unit, b.summaries[kpi.key]?.mean ?? NaN)}</td>
                  <td className="num">
                    {c && format ? `${formatDifference(format, c.meanDiff)}${points}` : '–'}
                  </td>
                  <td className="num">
                    {c && format ? `${formatInterval(format, c.ci)}${points}` : '–'}
                  </td>
                  <td>
                    {c ? describeRelativeLift(c, baseline).replace(/^relative /, '') || '–' : '–'}
                  </td>
                  <td>{c === undefined ? 'not enough values' : verdictLabel(c)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
