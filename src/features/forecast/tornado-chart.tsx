import { FormattedMessage, useIntl } from 'react-intl';
import type { TornadoBar } from '../../domain/forecast/tornado.ts';
import { ChartFigure, SizedBox } from '../../ui/charts/chart-figure.tsx';
import { ChartLegend } from '../../ui/charts/chart-legend.tsx';
import { TableHead } from '../../ui/table-head.tsx';
import { TORNADO_HIGH, TORNADO_LOW, TornadoPlot, tornadoHeight } from './tornado-plot.tsx';

/** A tornado chart (horizontal bars of each assumption's swing around the base) with its table. */
export function TornadoChart({
  title,
  bars,
  base,
  format,
  formatChange,
  changeUnit,
  lowLabel,
  highLabel,
}: {
  title: string;
  bars: readonly TornadoBar[];
  base: number;
  /** Writes a value of the figure. */
  format: (n: number) => string;
  /** Writes a signed change from the base (percentage points for a rate). */
  formatChange: (n: number) => string;
  /** The unit of a change, for the axis title, e.g. "percentage points". */
  changeUnit: string;
  lowLabel: string;
  highLabel: string;
}) {
  const intl = useIntl();
  return (
    <ChartFigure
      title={title}
      description={
        <>
          <FormattedMessage
            id="forecast.tornado-chart.howToRead"
            values={{ base: format(base), low: lowLabel, high: highLabel }}
          />
        </>
      }
      table={
        <table className="data-table forecast-table">
          <caption className="visually-hidden">{title}</caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'forecast.tornado-chart.assumption' }),
              {
                label: intl.formatMessage(
                  { id: 'forecast.tornado-chart.valueWith' },
                  { factor: lowLabel },
                ),
                numeric: true,
              },
              {
                label: intl.formatMessage(
                  { id: 'forecast.tornado-chart.valueWith' },
                  { factor: highLabel },
                ),
                numeric: true,
              },
              {
                label: intl.formatMessage(
                  { id: 'forecast.tornado-chart.swing' },
                  { unit: changeUnit },
                ),
                numeric: true,
              },
            ]}
          />
          <tbody>
            {bars.map((b) => (
              <tr key={b.name}>
                <th scope="row">{b.name}</th>
                <td className="num">{format(b.low)}</td>
                <td className="num">{format(b.high)}</td>
                <td className="num">{formatChange(b.swing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      chart={
        <>
          <ChartLegend
            items={[
              { key: 'low', label: lowLabel, colour: TORNADO_LOW, band: false },
              { key: 'high', label: highLabel, colour: TORNADO_HIGH, band: false },
            ]}
          />
          <SizedBox height={tornadoHeight(bars.length)}>
            {(width) => (
              <TornadoPlot
                bars={bars}
                width={width}
                format={formatChange}
                lowLabel={lowLabel}
                highLabel={highLabel}
                axisLabel={intl.formatMessage(
                  { id: 'forecast.tornado-chart.axisTitle' },
                  { base: format(base), unit: changeUnit },
                )}
              />
            )}
          </SizedBox>
        </>
      }
    />
  );
}
