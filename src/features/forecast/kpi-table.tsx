import { kpiLabel } from '../../i18n/domain-labels.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatKpi } from './kpi-format.ts';
import type { VariantView } from './forecast-model.ts';
import { TableHead } from '../../ui/table-head.tsx';

/** Every KPI of a forecast with its mean and P10 / P50 / P90, as a table. */
export function KpiTable({ view }: { view: VariantView }) {
  const intl = useIntl();
  const n = view.values.length;
  return (
    <div className="forecast-table-wrap">
      <table className="data-table forecast-table">
        <caption>
          <FormattedMessage id="forecast.kpi-table.everyKpiOf" values={{ name: view.name, n }} />
        </caption>
        <TableHead
          columns={[
            intl.formatMessage({ id: 'forecast.kpi-table.kpi' }),
            { label: intl.formatMessage({ id: 'forecast.kpi-table.mean' }), numeric: true },
            { label: intl.formatMessage({ id: 'forecast.kpi-table.p10' }), numeric: true },
            { label: intl.formatMessage({ id: 'forecast.kpi-table.p50' }), numeric: true },
            { label: intl.formatMessage({ id: 'forecast.kpi-table.p90' }), numeric: true },
          ]}
        />
        <tbody>
          {view.kpis.map((kpi) => {
            const s = view.summaries[kpi.key];
            return (
              <tr key={kpi.key}>
                <th scope="row">{kpiLabel(intl, kpi)}</th>
                {s === undefined ? (
                  <td colSpan={4} className="muted">
                    <FormattedMessage id="forecast.kpi-table.noValueInThisRun" />
                  </td>
                ) : (
                  <>
                    <td className="num">{formatKpi(kpi.unit, s.mean)}</td>
                    <td className="num">{formatKpi(kpi.unit, s.p10)}</td>
                    <td className="num">{formatKpi(kpi.unit, s.p50)}</td>
                    <td className="num">{formatKpi(kpi.unit, s.p90)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
