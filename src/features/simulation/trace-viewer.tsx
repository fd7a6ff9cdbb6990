import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { useId, useMemo, useState } from 'react';
import type { SimulationResult } from '../../domain/index.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { count, formatInstant } from './format.ts';
import { formatTraceWhy } from './trace-words.ts';
import { formatStepPhrase } from '../../i18n/step-words.ts';
import { pickTrace, tracePath, type ProfileTrace, type TracePick } from './trace-picks.ts';

interface TraceViewerProps {
  result: SimulationResult;
  /** Called with the chosen profile's path (step ids), or null when none is shown. */
  onPath(stepIds: readonly string[] | null): void;
  onFocusStep(stepId: string): void;
}

const PICK_MESSAGES = defineMessages({
  converted: { id: 'sim.trace-viewer.pick.converted' },
  timed_out: { id: 'sim.trace-viewer.pick.timed_out' },
  held_out: { id: 'sim.trace-viewer.pick.held_out' },
});
const PICKS: readonly [TracePick, MessageDescriptor][] = [
  ['converted', PICK_MESSAGES.converted],
  ['timed_out', PICK_MESSAGES.timed_out],
  ['held_out', PICK_MESSAGES.held_out],
];

const END_TEXT: Record<string, MessageDescriptor> = defineMessages({
  goal: { id: 'sim.trace-viewer.end.goal' },
  exit: { id: 'sim.trace-viewer.end.exit' },
  completed: { id: 'sim.trace-viewer.end.completed' },
  exit_criteria: { id: 'sim.trace-viewer.end.exit_criteria' },
  control_group: { id: 'sim.trace-viewer.end.control_group' },
  loop_guard: { id: 'sim.trace-viewer.end.loop_guard' },
  horizon: { id: 'sim.trace-viewer.end.horizon' },
});

/** Pick a traced profile and read its path: each step with simulated time and the reason. */
export function TraceViewer({ result, onPath, onFocusStep }: TraceViewerProps) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const [trace, setTrace] = useState<ProfileTrace | null>(null);
  const [notFound, setNotFound] = useState(false);
  const listId = useId();
  const traces = result.traces;
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (q === '' ? traces : traces.filter((t) => t.profileId.toLowerCase().includes(q))).slice(
      0,
      50,
    );
  }, [traces, query]);

  const show = (next: ProfileTrace | undefined): void => {
    setNotFound(next === undefined);
    setTrace(next ?? null);
    onPath(next ? tracePath(next) : null);
  };

  if (traces.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="sim.trace-viewer.thisRunRecordedNoTraces" />
      </p>
    );
  }
  return (
    <div className="sim-trace">
      <div className="sim-trace-pickers">
        <form
          className="sim-trace-search"
          onSubmit={(e) => {
            e.preventDefault();
            const q = query.trim();
            show(traces.find((t) => t.profileId === q) ?? matches[0]);
          }}
        >
          <label htmlFor={`${listId}-input`}>
            <FormattedMessage id="sim.trace-viewer.profileId" />
          </label>
          <input
            id={`${listId}-input`}
            type="search"
            list={listId}
            value={query}
            placeholder={intl.formatMessage(
              { id: 'sim.trace-viewer.placeholder' },
              { count: traces.length, formatted: count(traces.length) },
            )}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <datalist id={listId}>
            {matches.map((t) => (
              <option key={t.profileId} value={t.profileId} />
            ))}
          </datalist>
          <button type="submit" className="btn btn-sm">
            <FormattedMessage id="sim.trace-viewer.showTrace" />
          </button>
        </form>
        <div className="sim-trace-buttons">
          {PICKS.map(([pick, label]) => {
            const found = pickTrace(traces, pick);
            return (
              <button
                key={pick}
                type="button"
                className="btn btn-sm"
                disabled={found === undefined}
                title={
                  found === undefined
                    ? intl.formatMessage({ id: 'sim.trace-viewer.noTracedProfileDidThis' })
                    : undefined
                }
                onClick={() => show(found)}
              >
                {intl.formatMessage(label)}
              </button>
            );
          })}
          {trace && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => show(undefined)}>
              <FormattedMessage id="sim.trace-viewer.clearTrace" />
            </button>
          )}
        </div>
      </div>
      {notFound && query.trim() !== '' && (
        <p role="status" className="muted">
          <FormattedMessage
            id="sim.trace-viewer.noTracedProfileMatches"
            values={{ query: query.trim() }}
          />
        </p>
      )}
      {trace && <TraceTimeline trace={trace} onFocusStep={onFocusStep} />}
    </div>
  );
}

function TraceTimeline({
  trace,
  onFocusStep,
}: {
  trace: ProfileTrace;
  onFocusStep(stepId: string): void;
}) {
  const intl = useIntl();
  return (
    <section
      className="sim-timeline"
      aria-label={intl.formatMessage({ id: 'sim.trace-viewer.traceOf' }, { id: trace.profileId })}
    >
      <h4>
        {trace.profileId}
        {trace.control && (
          <span className="badge badge-warning">
            <FormattedMessage id="sim.trace-viewer.controlGroup" />
          </span>
        )}
      </h4>
      {trace.runs.length === 0 && (
        <p className="muted">
          <FormattedMessage id="sim.trace-viewer.thisProfileNeverEnteredThe" />
        </p>
      )}
      {trace.runs.map((run, i) => (
        <table className="data-table sim-table" key={`${run.entryAt}-${i}`}>
          <caption>
            <FormattedMessage
              id="sim.trace-viewer.entry"
              values={{
                n: i + 1,
                at: formatInstant(run.entryAt),
                end: END_TEXT[run.end] ? intl.formatMessage(END_TEXT[run.end]!) : run.end,
                converted: run.conversion ? 'yes' : 'no',
                convertedAt: run.conversion ? formatInstant(run.conversion.at) : '',
                amount:
                  run.conversion?.amount !== null && run.conversion?.amount !== undefined
                    ? formatNumber(run.conversion.amount, 'currency')
                    : 'none',
              }}
            />
          </caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'sim.trace-viewer.simulatedTime' }),
              intl.formatMessage({ id: 'sim.trace-viewer.step' }),
              intl.formatMessage({ id: 'sim.trace-viewer.went' }),
              intl.formatMessage({ id: 'sim.trace-viewer.reason' }),
            ]}
          />
          <tbody>
            {run.steps.map((step, j) => (
              <tr
                key={`${step.stepId}-${j}`}
                className="sim-timeline-row"
                onClick={() => onFocusStep(step.stepId)}
              >
                <td className="sim-nowrap">{formatInstant(step.at)}</td>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={(e) => {
                      e.stopPropagation();
                      onFocusStep(step.stepId);
                    }}
                  >
                    {step.label || step.stepId}
                  </button>
                </th>
                <td>
                  {step.branch === null
                    ? '–'
                    : step.branch === 'next'
                      ? '→'
                      : step.branchText === undefined
                        ? step.branch
                        : formatStepPhrase(intl, step.branchText)}
                </td>
                {/* Runs saved before reasons had codes keep their English line. */}
                <td>{step.why === undefined ? step.reason : formatTraceWhy(intl, step.why)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
