import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { ChannelResult, SimulationResult } from '../../domain/index.ts';
import { CHANNEL_MESSAGES } from '../../i18n/domain-labels.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { activeChannels, SUPPRESSION_CAUSES } from './active-channels.ts';
import { count } from './format.ts';
import { TableHead } from '../../ui/table-head.tsx';

/** Why messages were held back, by the simulation's cause code. */
const SUPPRESSION_MESSAGES = defineMessages({
  unreachable: { id: 'sim.suppression.unreachable' },
  unsubscribed: { id: 'sim.suppression.unsubscribed' },
  quiet_hours_deferred: { id: 'sim.suppression.quiet_hours_deferred' },
  quiet_hours_dropped: { id: 'sim.suppression.quiet_hours_dropped' },
  frequency_cap: { id: 'sim.suppression.frequency_cap' },
});

function share(part: number, whole: number): string {
  return whole > 0 ? formatNumber(part / whole, 'percent') : '–';
}

/** Sent → delivered → opened → clicked per channel, with each step's share of the one before. */
export function FunnelTable({ result }: { result: SimulationResult }) {
  const intl = useIntl();
  const channels = activeChannels(result);
  if (channels.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="sim.result-tables.noMessagesWereSent" />
      </p>
    );
  return (
    <table className="data-table sim-table">
      <caption>
        <FormattedMessage id="sim.result-tables.messagesPerChannel" />
      </caption>
      <TableHead
        columns={[
          intl.formatMessage({ id: 'sim.result-tables.channel' }),
          { label: intl.formatMessage({ id: 'sim.result-tables.sent' }), numeric: true },
          { label: intl.formatMessage({ id: 'sim.result-tables.delivered' }), numeric: true },
          { label: intl.formatMessage({ id: 'sim.result-tables.opened' }), numeric: true },
          { label: intl.formatMessage({ id: 'sim.result-tables.clicked' }), numeric: true },
          { label: intl.formatMessage({ id: 'sim.result-tables.unsubscribed' }), numeric: true },
          { label: intl.formatMessage({ id: 'sim.result-tables.cost' }), numeric: true },
        ]}
      />
      <tbody>
        {channels.map(([channel, c]) => (
          <tr key={channel}>
            <th scope="row">{intl.formatMessage(CHANNEL_MESSAGES[channel])}</th>
            <td className="num">{count(c.sent)}</td>
            <td className="num">
              {count(c.delivered)} <span className="muted">({share(c.delivered, c.sent)})</span>
            </td>
            <td className="num">
              {count(c.opened)} <span className="muted">({share(c.opened, c.delivered)})</span>
            </td>
            <td className="num">
              {count(c.clicked)}{' '}
              <span className="muted">({share(c.clicked, c.opened || c.delivered)})</span>
            </td>
            <td className="num">{count(c.unsubscribed)}</td>
            <td className="num">{formatNumber(c.cost, 'currency')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why a quiet-hours deferral was never sent, in display order, with its column's name. */
const DEFERRED_DROP_REASONS = [
  'exit_criteria',
  'goal',
  'horizon',
  'frequency_cap',
] as const satisfies readonly (keyof ChannelResult['deferredDropped'])[];

const DEFERRED_DROP_MESSAGES = defineMessages({
  exit_criteria: { id: 'sim.result-tables.deferredDropped.exit_criteria' },
  goal: { id: 'sim.result-tables.deferredDropped.goal' },
  horizon: { id: 'sim.result-tables.deferredDropped.horizon' },
  frequency_cap: { id: 'sim.result-tables.deferredDropped.frequency_cap' },
});

/**
 * Messages held back, by cause (columns) and channel (rows), then deferrals never sent by
 * reason: only the reasons some channel has, so a run without them keeps the table narrow.
 */
export function SuppressionsTable({ result }: { result: SimulationResult }) {
  const intl = useIntl();
  const channels = activeChannels(result);
  if (channels.length === 0) return null;
  const dropReasons = DEFERRED_DROP_REASONS.filter((reason) =>
    channels.some(([, c]) => c.deferredDropped[reason] > 0),
  );
  return (
    <table className="data-table sim-table">
      <caption>
        <FormattedMessage id="sim.result-tables.suppressedMessagesByCause" />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage id="sim.result-tables.channel" />
          </th>
          {SUPPRESSION_CAUSES.map(([cause]) => (
            <th scope="col" className="num" key={cause}>
              {intl.formatMessage(SUPPRESSION_MESSAGES[cause])}
            </th>
          ))}
          {dropReasons.map((reason) => (
            <th scope="col" className="num" key={reason}>
              {intl.formatMessage(DEFERRED_DROP_MESSAGES[reason])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {channels.map(([channel, c]) => (
          <tr key={channel}>
            <th scope="row">{intl.formatMessage(CHANNEL_MESSAGES[channel])}</th>
            {SUPPRESSION_CAUSES.map(([cause]) => (
              <td className="num" key={cause}>
                {count(c.suppressed[cause])}
              </td>
            ))}
            {dropReasons.map((reason) => (
              <td className="num" key={reason}>
                {count(c.deferredDropped[reason])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per step: entered, branches taken, still waiting and ended there; a click focuses the step. */
export function StepsTable({
  result,
  onFocusStep,
}: {
  result: SimulationResult;
  onFocusStep(stepId: string): void;
}) {
  const intl = useIntl();
  const steps = Object.values(result.steps);
  return (
    <table className="data-table sim-table">
      <caption>
        <FormattedMessage id="sim.result-tables.steps" />
      </caption>
      <TableHead
        columns={[
          intl.formatMessage({ id: 'sim.result-tables.step' }),
          { label: intl.formatMessage({ id: 'sim.result-tables.entered' }), numeric: true },
          intl.formatMessage({ id: 'sim.result-tables.leftBy' }),
          {
            label: intl.formatMessage({ id: 'sim.result-tables.waitingAtTheEnd' }),
            numeric: true,
          },
          { label: intl.formatMessage({ id: 'sim.result-tables.endedHere' }), numeric: true },
        ]}
      />
      <tbody>
        {steps.map((s) => (
          <tr key={s.stepId}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onFocusStep(s.stepId)}>
                {s.label || s.stepId}
              </button>
            </th>
            <td className="num">{count(s.entered)}</td>
            <td>
              {Object.entries(s.byBranch)
                .map(([branch, n]) => `${branch}: ${count(n)}`)
                .join(', ') || '–'}
            </td>
            <td className="num">{count(s.waiting)}</td>
            <td className="num">{count(s.exited)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
