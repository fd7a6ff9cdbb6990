import { useIntl } from 'react-intl';
import { CHANNELS, type SimulationResult } from '../../domain/index.ts';
import { KpiCard } from '../../ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../ui/kpi/kpi-grid.tsx';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { count } from './format.ts';

/** Total cost and unsubscribes over every channel. */
function channelTotals(result: SimulationResult): {
  cost: number;
  unsubscribed: number;
  sent: number;
} {
  let cost = 0;
  let unsubscribed = 0;
  let sent = 0;
  for (const channel of CHANNELS) {
    const c = result.channels[channel];
    if (!c) continue;
    cost += c.cost;
    unsubscribed += c.unsubscribed;
    sent += c.sent;
  }
  return { cost, unsubscribed, sent };
}

/** The headline figures of a run. */
export function ResultKpis({ result }: { result: SimulationResult }) {
  const intl = useIntl();
  const { cost, unsubscribed, sent } = channelTotals(result);
  const goal = result.goal;
  const treated = result.entries - result.controlEntries;
  const hasControl = result.controlEntries > 0 && goal !== null;
  // With a control group the uplift is what the journey caused: it leads, right after entries.
  const upliftCard = (
    <KpiCard
      label={intl.formatMessage({ id: 'sim.result-kpis.controlUplift' })}
      value={goal?.uplift ?? null}
      format="points"
      tone={
        goal?.uplift === null || goal?.uplift === undefined
          ? 'neutral'
          : goal.uplift > 0
            ? 'positive'
            : goal.uplift < 0
              ? 'negative'
              : 'neutral'
      }
      detail={
        goal && goal.uplift !== null
          ? intl.formatMessage(
              { id: 'sim.result-kpis.controlConverts' },
              { value1: formatNumber(goal.control.rate, 'percent') },
            )
          : intl.formatMessage({ id: 'sim.result-kpis.noControlGroup' })
      }
    />
  );
  return (
    <KpiGrid label={intl.formatMessage({ id: 'sim.result-kpis.simulationResults' })}>
      <KpiCard
        label={intl.formatMessage({ id: 'sim.result-kpis.entered' })}
        value={result.entries}
        detail={intl.formatMessage(
          { id: 'sim.result-kpis.ofProfiles' },
          {
            entered: count(result.profilesEntered),
            profiles: count(result.profiles),
            heldOut: result.controlEntries,
            held: count(result.controlEntries),
          },
        )}
      />
      {hasControl && upliftCard}
      <KpiCard
        label={intl.formatMessage({ id: 'sim.result-kpis.converted' })}
        value={goal ? goal.conversions : null}
        detail={
          goal
            ? intl.formatMessage(
                { id: 'sim.result-kpis.goalWithinDays' },
                { event: goal.event, windowDays: goal.windowDays },
              )
            : intl.formatMessage({ id: 'sim.result-kpis.noGoalSet' })
        }
      />
      <KpiCard
        label={intl.formatMessage({ id: 'sim.result-kpis.conversionRate' })}
        value={goal ? goal.rate : null}
        format="percent"
        detail={
          goal
            ? intl.formatMessage({ id: 'sim.result-kpis.ofEntries' }, { value1: count(treated) })
            : undefined
        }
      />
      <KpiCard
        label={intl.formatMessage({ id: 'sim.result-kpis.revenue' })}
        value={goal ? goal.revenue : null}
        format="currency"
        detail={
          goal === null
            ? undefined
            : result.controlEntries > 0
              ? intl.formatMessage({ id: 'sim.result-kpis.ofEveryConversionTheUplift' })
              : intl.formatMessage({ id: 'sim.result-kpis.attributedToEveryoneWhoConverted' })
        }
      />
      <KpiCard
        label={intl.formatMessage({ id: 'sim.result-kpis.cost' })}
        value={cost}
        format="currency"
        detail={intl.formatMessage({ id: 'sim.result-kpis.messagesSent' }, { value1: count(sent) })}
      />
      <KpiCard
        label={intl.formatMessage({ id: 'sim.result-kpis.unsubscribes' })}
        value={unsubscribed}
        tone={unsubscribed > 0 ? 'negative' : 'neutral'}
      />
      {!hasControl && upliftCard}
    </KpiGrid>
  );
}
