import { FormattedMessage, useIntl } from 'react-intl';
import type { ClvReport } from '../../../domain/forecast/clv-fit-report.ts';
import { currencySymbol } from '../../../i18n/format-locale.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { describeClvWarning, formatParameter } from './clv-wording.ts';

type Fitted = Extract<ClvReport, { ok: true }>;

/** The fitted parameters to four significant digits, each model's log-likelihood, and the fit's warnings. */
export function ClvParameters({ report }: { report: Fitted }) {
  const intl = useIntl();
  const { bgnbd, gammaGamma } = report;
  const meaning = (parameter: string) =>
    intl.formatMessage(
      { id: 'forecast.clv-parameters.parameterMeaning' },
      { parameter, currency: currencySymbol() },
    );
  const rows: [string, string, string, number][] = [
    ['BG/NBD', 'r', meaning('r'), bgnbd.params.r],
    ['BG/NBD', 'α', meaning('alpha'), bgnbd.params.alpha],
    ['BG/NBD', 'a', meaning('a'), bgnbd.params.a],
    ['BG/NBD', 'b', meaning('b'), bgnbd.params.b],
    ['Gamma-Gamma', 'p', meaning('p'), gammaGamma.params.p],
    ['Gamma-Gamma', 'q', meaning('q'), gammaGamma.params.q],
    ['Gamma-Gamma', 'γ', meaning('gamma'), gammaGamma.params.gamma],
  ];
  return (
    <>
      {report.warnings.length > 0 && (
        <div className="clv-warnings" role="alert">
          <strong>
            <FormattedMessage id="forecast.clv-parameters.checkBeforeTrustingTheseFigures" />
          </strong>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{describeClvWarning(intl, w, report)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="forecast-table-wrap">
        <table className="data-table forecast-table clv-parameters">
          <caption>
            <FormattedMessage id="forecast.clv-parameters.fittedParametersMaximumLikelihoodTime" />
          </caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'forecast.clv-parameters.model' }),
              intl.formatMessage({ id: 'forecast.clv-parameters.parameter' }),
              intl.formatMessage({ id: 'forecast.clv-parameters.meaning' }),
              { label: intl.formatMessage({ id: 'forecast.clv-parameters.value' }), numeric: true },
            ]}
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
              <td>
                <FormattedMessage id="forecast.clv-parameters.bgNbd" />
              </td>
              <th scope="row">
                <FormattedMessage id="forecast.clv-parameters.logLikelihood" />
              </th>
              <td>
                {formatNumber(bgnbd.customers)}{' '}
                <FormattedMessage id="forecast.clv-parameters.customers" />
              </td>
              <td className="num">{formatNumber(bgnbd.logLikelihood, 'number')}</td>
            </tr>
            <tr>
              <td>
                <FormattedMessage id="forecast.clv-parameters.gammaGamma" />
              </td>
              <th scope="row">
                <FormattedMessage id="forecast.clv-parameters.logLikelihood" />
              </th>
              <td>
                {formatNumber(gammaGamma.customers)}{' '}
                <FormattedMessage id="forecast.clv-parameters.repeatBuyers" />
              </td>
              <td className="num">{formatNumber(gammaGamma.logLikelihood, 'number')}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
