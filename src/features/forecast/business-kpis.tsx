import { FormattedMessage, useIntl } from 'react-intl';
import type { NpsSummary } from '../../domain/forecast/nps.ts';
import { KpiCard } from '../../ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../ui/kpi/kpi-grid.tsx';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { ClvPanel } from './clv-panel.tsx';
import { npsByPath, type VariantView } from './forecast-model.ts';
import { TableHead } from '../../ui/table-head.tsx';

function rangeOf(view: VariantView, key: string) {
  const s = view.summaries[key];
  return s ? { value: s.mean, range: { p10: s.p10, p50: s.p50, p90: s.p90 } } : null;
}

/** Fatigue, NPS, perfect-order rate and CLV: the measures the board watches. */
export function BusinessKpis({
  view,
  historical,
  setId,
  capText,
}: {
  view: VariantView;
  /** The NPS of the survey answers in the set's histories; null when not known. */
  historical: NpsSummary | null;
  /** The stored set the profiles come from (the CLV fit reads it in its worker). */
  setId: string;
  capText: string;
}) {
  const intl = useIntl();
  const t = view.tallies;
  const perWeek = rangeOf(view, 'messagesPerProfilePerWeek');
  const unsubscribes = rangeOf(view, 'unsubscribes');
  const simulatedNps = rangeOf(view, 'npsSimulated');
  const paths = npsByPath(view);
  const orderRate = (o: { orders: number; perfect: number } | undefined) =>
    o === undefined || o.orders === 0 ? null : o.perfect / o.orders;
  return (
    <section className="forecast-section" aria-labelledby="business-heading">
      <h2 id="business-heading">
        <FormattedMessage id="forecast.business-kpis.businessKpisOf" values={{ name: view.name }} />
      </h2>
      <h3>
        <FormattedMessage id="forecast.business-kpis.fatigue" />
      </h3>
      <KpiGrid label={intl.formatMessage({ id: 'forecast.business-kpis.fatigue' })}>
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.messagesPerProfilePerWeek' })}
          value={perWeek?.value ?? null}
          format="number"
          {...(perWeek ? { range: perWeek.range } : {})}
        />
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.shareOverTheFrequencyCap' })}
          value={t === null || t.traced === 0 ? null : t.overCap / t.traced}
          format="percent"
          detail={intl.formatMessage({ id: 'forecast.business-kpis.capDetail' }, { cap: capText })}
        />
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.unsubscribes' })}
          value={unsubscribes?.value ?? null}
          {...(unsubscribes ? { range: unsubscribes.range } : {})}
        />
      </KpiGrid>
      <h3>
        <FormattedMessage id="forecast.business-kpis.netPromoterScore" />
      </h3>
      <KpiGrid label={intl.formatMessage({ id: 'forecast.business-kpis.netPromoterScore' })}>
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.npsHistorical' })}
          value={historical?.nps ?? null}
          format="number"
          detail={
            historical === null
              ? intl.formatMessage({ id: 'forecast.business-kpis.answersNotSummed' })
              : intl.formatMessage(
                  { id: 'forecast.business-kpis.answers' },
                  { answers: formatNumber(historical.responses) },
                )
          }
        />
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.npsSimulated' })}
          value={simulatedNps?.value ?? null}
          format="number"
          {...(simulatedNps ? { range: simulatedNps.range } : {})}
          detail={
            simulatedNps
              ? intl.formatMessage({ id: 'forecast.business-kpis.answerRateAndScoresAre' })
              : intl.formatMessage({ id: 'forecast.business-kpis.noNpsSurveyInThis' })
          }
        />
      </KpiGrid>
      {paths.length > 0 && (
        <table className="data-table forecast-table">
          <caption>
            <FormattedMessage id="forecast.business-kpis.simulatedNpsPerPathBranch" />
          </caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'forecast.business-kpis.path' }),
              {
                label: intl.formatMessage({ id: 'forecast.business-kpis.answersColumn' }),
                numeric: true,
              },
              { label: intl.formatMessage({ id: 'forecast.business-kpis.nps' }), numeric: true },
            ]}
          />
          <tbody>
            {paths.map((p) => (
              <tr key={p.path}>
                <th scope="row">{p.path}</th>
                <td className="num">{formatNumber(p.responses)}</td>
                <td className="num">{formatNumber(p.nps, 'number')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>
        <FormattedMessage id="forecast.business-kpis.perfectOrderRateOfThe" />
      </h3>
      <KpiGrid label={intl.formatMessage({ id: 'forecast.business-kpis.perfectOrderRate' })}>
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.beforeEntering' })}
          value={orderRate(t?.perfectOrder.before)}
          format="percent"
          detail={`${formatNumber(t?.perfectOrder.before.orders ?? 0)} orders`}
        />
        <KpiCard
          label={intl.formatMessage({ id: 'forecast.business-kpis.whileInTheJourney' })}
          value={orderRate(t?.perfectOrder.during)}
          format="percent"
          detail={`${formatNumber(t?.perfectOrder.during.orders ?? 0)} orders`}
        />
      </KpiGrid>
      <ClvPanel view={view} setId={setId} />
    </section>
  );
}
