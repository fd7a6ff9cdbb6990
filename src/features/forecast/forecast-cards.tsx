import { kpiLabel } from '../../i18n/domain-labels.ts';
import { useIntl } from 'react-intl';
import { KpiCard } from '../../ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../ui/kpi/kpi-grid.tsx';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { numberFormat } from './kpi-format.ts';
import type { VariantView } from './forecast-model.ts';

/** KPIs shown as cards, in this order, when the journey has them. */
const HEADLINE = [
  'conversionRate',
  'revenue',
  'uplift',
  'cost',
  'costPerConversion',
  'returnOnSpend',
  'messagesPerProfilePerWeek',
  'unsubscribes',
  'npsSimulated',
];

/** KPIs that credit the journey with its conversions' money: without a control group, every one. */
const ATTRIBUTED = new Set(['revenue', 'returnOnSpend']);

/** With a control group the uplift against it leads: it is what the journey caused. */
function headlineOrder(view: VariantView): string[] {
  return view.hasControl ? ['uplift', ...HEADLINE.filter((k) => k !== 'uplift')] : HEADLINE;
}

/**
 * The headline KPIs of a forecast: the median replication with its P10–P90 range. Not the mean:
 * a rare event (an unsubscribe in one replication of twenty) puts the mean outside the range it
 * is shown with ("5, 80 % range 0 – 0"); the median always lies within it. The KPI table and the
 * comparison keep the mean, which is what paired differences are taken of.
 */
export function ForecastCards({ view }: { view: VariantView }) {
  const intl = useIntl();
  const cards = headlineOrder(view).flatMap((key) => {
    const kpi = view.kpis.find((k) => k.key === key);
    const summary = view.summaries[key];
    return kpi && summary ? [{ kpi, summary }] : [];
  });
  // A return on spend of thousands reads as nonsense alone: the spend it is made on goes beside it.
  const spend = view.summaries['cost'];
  const replications = (n: number) =>
    intl.formatMessage({ id: 'forecast.forecast-cards.median' }, { n });
  return (
    <KpiGrid label={intl.formatMessage({ id: 'forecast.forecast-cards.of' }, { name: view.name })}>
      {cards.map(({ kpi, summary }) => (
        <KpiCard
          key={kpi.key}
          label={
            kpi.key === 'uplift'
              ? intl.formatMessage({ id: 'forecast.forecast-cards.upliftOverControlWhatThe' })
              : kpiLabel(intl, kpi)
          }
          value={summary.p50}
          format={kpi.key === 'uplift' ? 'points' : numberFormat(kpi.unit)}
          range={{ p10: summary.p10, p50: summary.p50, p90: summary.p90 }}
          detail={
            <>
              {kpi.key === 'returnOnSpend' && spend !== undefined && (
                <span className="kpi-detail-line">
                  {intl.formatMessage(
                    { id: 'forecast.forecast-cards.forSpend' },
                    { spend: formatNumber(spend.p50, 'currency') },
                  )}
                </span>
              )}
              {!view.hasControl && ATTRIBUTED.has(kpi.key)
                ? intl.formatMessage(
                    { id: 'forecast.forecast-cards.attributed' },
                    { mean: replications(summary.n) },
                  )
                : replications(summary.n)}
            </>
          }
        />
      ))}
    </KpiGrid>
  );
}
