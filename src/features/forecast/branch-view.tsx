import { formatNumber } from '../../ui/kpi/format-number.ts';
import { compareSplitBranches, type VariantView } from './forecast-model.ts';

/** The branches of each random split compared by the conversions of the runs that took them. */
export function BranchView({ view, confidence = 0.9 }: { view: VariantView; confidence?: number }) {
  const splits = compareSplitBranches(view, confidence);
  if (splits.length === 0) return null;
  const level = `${Math.round(confidence * 100)}%`;
  return (
    <section className="forecast-section" aria-labelledby="branches-heading">
      <h2 id="branches-heading">Random split branches — {view.name}</h2>
      <p className="muted">
        Method: profiles are assigned to a branch by a fixed hash of their id, so each branch holds
        the same people in every replication. From the traces of {view.tracedReplications}{' '}
        replication{view.tracedReplications === 1 ? '' : 's'} we average each branch’s runs and
        conversions, then compare each branch with the first as two independent groups (Newcombe’s
        interval for a difference of proportions), which counts both who landed in each branch and
        how they behaved.
      </p>
      {splits.map((split) => (
        <table key={split.stepId} className="data-table forecast-table">
          <caption>{split.stepLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Branch</th>
              <th scope="col" className="num">
                Runs
              </th>
              <th scope="col" className="num">
                Converted
              </th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col">Against the first branch ({level} range)</th>
            </tr>
          </thead>
          <tbody>
            {split.branches.map((b) => (
              <tr key={b.branch}>
                <th scope="row">{b.branch}</th>
                <td className="num">{formatNumber(b.entered)}</td>
                <td className="num">{formatNumber(b.converted)}</td>
                <td className="num">{formatNumber(b.rate, 'percent')}</td>
                <td>
                  {b.versusFirst === null
                    ? '—'
                    : `${formatNumber(b.versusFirst.diff, 'points')} (${formatNumber(b.versusFirst.ci.low, 'points')} to ${formatNumber(b.versusFirst.ci.high, 'points')}) — ${b.versusFirst.distinguishable ? 'a real difference' : 'could be noise'}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
