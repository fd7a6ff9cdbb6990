import { FormattedMessage, useIntl } from 'react-intl';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { compareSplitBranches, type VariantView } from './forecast-model.ts';

/** The branches of each random split compared by the conversions of the runs that took them. */
export function BranchView({ view, confidence = 0.9 }: { view: VariantView; confidence?: number }) {
  const intl = useIntl();
  const splits = compareSplitBranches(view, confidence);
  if (splits.length === 0) return null;
  return (
    <section className="forecast-section" aria-labelledby="branches-heading">
      <h2 id="branches-heading">
        <FormattedMessage
          id="forecast.branch-view.randomSplitBranchesOf"
          values={{ journey: view.name }}
        />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="forecast.branch-view.method"
          values={{ count: view.tracedReplications }}
        />
      </p>
      {splits.map((split) => (
        <table key={split.stepId} className="data-table forecast-table">
          <caption>{split.stepLabel}</caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'forecast.branch-view.branch' }),
              { label: intl.formatMessage({ id: 'forecast.branch-view.runs' }), numeric: true },
              {
                label: intl.formatMessage({ id: 'forecast.branch-view.converted' }),
                numeric: true,
              },
              { label: intl.formatMessage({ id: 'forecast.branch-view.rate' }), numeric: true },
              intl.formatMessage(
                { id: 'forecast.branch-view.againstTheFirstBranchRange' },
                { level: confidence },
              ),
            ]}
          />
          <tbody>
            {split.branches.map((b) => (
              <tr key={b.branch}>
                <th scope="row">{b.branch}</th>
                {/* Means per replication: 2.33 runs, not a rounded 2 that the rate would contradict. */}
                <td className="num">{formatNumber(b.entered, 'number')}</td>
                <td className="num">{formatNumber(b.converted, 'number')}</td>
                <td className="num">{formatNumber(b.rate, 'percent')}</td>
                <td>
                  {b.versusFirst === null
                    ? '—'
                    : intl.formatMessage(
                        { id: 'forecast.branch-view.versusFirst' },
                        {
                          diff: formatNumber(b.versusFirst.diff, 'points'),
                          low: formatNumber(b.versusFirst.ci.low, 'points'),
                          high: formatNumber(b.versusFirst.ci.high, 'points'),
                          verdict: b.versusFirst.distinguishable
                            ? intl.formatMessage({ id: 'forecast.branch-view.aRealDifference' })
                            : intl.formatMessage({ id: 'forecast.branch-view.couldBeNoise' }),
                        },
                      )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
