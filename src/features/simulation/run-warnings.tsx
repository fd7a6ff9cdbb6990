import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import type { SimulationResult } from '../../domain/index.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { count } from './format.ts';

/** How many of the stopped profiles' ids to name; the result keeps up to 100. */
const IDS_SHOWN = 5;

/**
 * A warning when the runaway-loop guard stopped profiles (spec §3.3): how many, at which steps
 * (each focuses the step on the canvas) and a few of their ids. Nothing when nobody was stopped.
 */
export function StoppedWarning({
  result,
  onFocusStep,
}: {
  result: SimulationResult;
  onFocusStep(stepId: string): void;
}) {
  const intl = useIntl();
  const { stopped } = result;
  if (stopped.profiles === 0) return null;
  // Most-stopped step first, so the loop to fix is at the top.
  const steps = Object.entries(stopped.byStep)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const ids = stopped.profileIds.slice(0, IDS_SHOWN);
  return (
    <section className="warning-box" aria-labelledby="sim-stopped-heading">
      <h3 id="sim-stopped-heading">
        <FormattedMessage
          id="sim.run-warnings.stoppedTheJourneyLoops"
          values={{ count: stopped.profiles }}
        />
      </h3>
      <p>
        <FormattedMessage id="sim.run-warnings.theJourneyGoesBackTo" />
      </p>
      <table className="data-table sim-table">
        <caption>
          <FormattedMessage id="sim.run-warnings.whereProfilesWereStopped" />
        </caption>
        <TableHead
          columns={[
            intl.formatMessage({ id: 'sim.run-warnings.step' }),
            {
              label: intl.formatMessage({ id: 'sim.run-warnings.profilesStopped' }),
              numeric: true,
            },
          ]}
        />
        <tbody>
          {steps.map(([stepId, n]) => (
            <tr key={stepId}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onFocusStep(stepId)}>
                  {result.steps[stepId]?.label || stepId}
                </button>
              </th>
              <td className="num">{count(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ids.length > 0 && (
        <p className="muted">
          <FormattedMessage
            id="sim.run-warnings.forExample"
            values={{ ids: ids.join(', '), more: Math.max(0, stopped.profiles - ids.length) }}
          />
        </p>
      )}
    </section>
  );
}

/** The re-entry rules that refuse a trigger firing (spec §3.1), in display order. */
const REFUSAL_REASONS = [
  'active_run',
  'reentry_never',
  'cooldown',
] as const satisfies readonly (keyof SimulationResult['entriesRefused'])[];

const REFUSAL_NAMES: Record<(typeof REFUSAL_REASONS)[number], MessageDescriptor> = defineMessages({
  active_run: { id: 'sim.run-warnings.refused.active_run' },
  reentry_never: { id: 'sim.run-warnings.refused.reentry_never' },
  cooldown: { id: 'sim.run-warnings.refused.cooldown' },
});

/** Entry attempts the re-entry rules refused, by reason; nothing when none were refused. */
export function RefusedEntriesTable({ result }: { result: SimulationResult }) {
  const intl = useIntl();
  const rows = REFUSAL_REASONS.filter((reason) => result.entriesRefused[reason] > 0);
  if (rows.length === 0) return null;
  return (
    <table className="data-table sim-table">
      <caption>
        <FormattedMessage id="sim.run-warnings.entryAttemptsRefused" />
      </caption>
      <TableHead
        columns={[
          intl.formatMessage({ id: 'sim.run-warnings.reason' }),
          { label: intl.formatMessage({ id: 'sim.run-warnings.attempts' }), numeric: true },
        ]}
      />
      <tbody>
        {rows.map((reason) => (
          <tr key={reason}>
            <th scope="row">{intl.formatMessage(REFUSAL_NAMES[reason])}</th>
            <td className="num">{count(result.entriesRefused[reason])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
