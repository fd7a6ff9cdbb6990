import { KpiCard } from '../../ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../ui/kpi/kpi-grid.tsx';
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

/** The headline KPIs of a forecast: mean with its P10–P90 range. */
export function ForecastCards({ view }: { view: VariantView }) {
  const cards = HEADLINE.flatMap((key) => {
    const kpi = view.kpis.find((k) => k.key === key);
    const summary = view.summaries[key];
    return kpi && summary ? [{ kpi, summary }] : [];
  });
  return (
    <KpiGrid label={`Forecast of ${view.name}`}>
      {cards.map(({ kpi, summary }) => (
        <KpiCard
          key={kpi.key}
          label={kpi.label}
          value={summary.mean}
          format={numberFormat(kpi.unit)}
          range={{ p10: summary.p10, p50: summary.p50, p90: summary.p90 }}
          detail={`mean of ${summary.n} replication${summary.n === 1 ? '' : 's'}`}
        />
      ))}
    </KpiGrid>
  );
}
