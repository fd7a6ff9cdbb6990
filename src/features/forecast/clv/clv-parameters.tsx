import type { ClvReport } from '../../../domain/forecast/clv-fit-report.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { describeClvWarning, formatParameter } from './clv-wording.ts';

type Fitted = Extract<ClvReport, { ok: true }>;

/** The fitted parameters to four significant digits, each model's log-likelihood, and the fit's warnings. */
export function ClvParameters({ report }: { report: Fitted }) {
  const { bgnbd, gammaGamma } = report;
  const rows: [string, string, string, number][] = [
    ['BG/NBD', 'r', 'shape of the purchase rate', bgnbd.params.r],
    ['BG/NBD', 'α', 'scale of the purchase rate (weeks)', bgnbd.params.alpha],
    ['BG/NBD', 'a', 'drop-out beta, first shape', bgnbd.params.a],
    ['BG/NBD', 'b', 'drop-out beta, second shape', bgnbd.params.b],
    ['Gamma-Gamma', 'p', 'shape of spend per purchase', gammaGamma.params.p],
    ['Gamma-Gamma', 'q', 'shape across customers', gammaGamma.params.q],
    ['Gamma-Gamma', 'γ', 'scale across customers ($)', gammaGamma.params.gamma],
  ];
  return (
    <>
      {report.warnings.length > 0 && (
        <div className="clv-warnings" role="alert">
          <strong>Check before trusting these figures</strong>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{describeClvWarning(w)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="forecast-table-wrap">
        <table className="data-table forecast-table clv-parameters">
          <caption>Fitted parameters (maximum likelihood, time in weeks)</caption>
          <TableHead
            columns={['Model', 'Parameter', 'Meaning', { label: 'Value', numeric: true }]}
          />
          <tbody>
            {rows.map(([model, name, meaning, value]) => (
              <tr key={`${model}-${name}`}>
                <td>{model}</td>
                <th scope="row">{name}</th>
                <td>{meaning}</td>
                <td className="num">{formatParameter(value)}</td>
              </tr>
            ))}
            <tr>
              <td>BG/NBD</td>
              <th scope="row">log-likelihood</th>
              <td>{formatNumber(bgnbd.customers)} customers</td>
              <td className="num">{formatNumber(bgnbd.logLikelihood, 'number')}</td>
            </tr>
            <tr>
              <td>Gamma-Gamma</td>
              <th scope="row">log-likelihood</th>
              <td>{formatNumber(gammaGamma.customers)} repeat buyers</td>
              <td className="num">{formatNumber(gammaGamma.logLikelihood, 'number')}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
