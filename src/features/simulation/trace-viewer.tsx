import { useId, useMemo, useState } from 'react';
import type { SimulationResult } from '../../domain/index.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { count, formatInstant } from './format.ts';
import { pickTrace, tracePath, type ProfileTrace, type TracePick } from './trace-picks.ts';

interface TraceViewerProps {
  result: SimulationResult;
  /** Called with the chosen profile's path (step ids), or null when none is shown. */
  onPath(stepIds: readonly string[] | null): void;
  onFocusStep(stepId: string): void;
}

const PICKS: readonly [TracePick, string][] = [
  ['converted', 'Show one who converted'],
  ['timed_out', 'Show one who timed out'],
  ['held_out', 'Show one held out'],
];

const END_TEXT: Record<string, string> = {
  goal: 'converted and left (goal)',
  exit: 'left at an exit step',
  completed: 'completed the journey',
  exit_criteria: 'left by the exit criteria',
  control_group: 'held out (control group)',
  loop_guard: 'stopped by the loop guard',
  horizon: 'still in the journey when the simulation ended',
};

/** Pick a traced profile and read its path: each step with simulated time and the reason. */
export function TraceViewer({ result, onPath, onFocusStep }: TraceViewerProps) {
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
    return <p className="muted">This run recorded no traces.</p>;
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
          <label htmlFor={`${listId}-input`}>Profile id</label>
          <input
            id={`${listId}-input`}
            type="search"
            list={listId}
            value={query}
            placeholder={`${count(traces.length)} traced profiles`}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <datalist id={listId}>
            {matches.map((t) => (
              <option key={t.profileId} value={t.profileId} />
            ))}
          </datalist>
          <button type="submit" className="btn btn-sm">
            Show trace
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
                title={found === undefined ? 'No traced profile did this' : undefined}
                onClick={() => show(found)}
              >
                {label}
              </button>
            );
          })}
          {trace && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => show(undefined)}>
              Clear trace
            </button>
          )}
        </div>
      </div>
      {notFound && query.trim() !== '' && (
        <p role="status" className="muted">
          No traced profile matches “{query.trim()}”.
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
  return (
    <section className="sim-timeline" aria-label={`Trace of ${trace.profileId}`}>
      <h4>
        {trace.profileId}
        {trace.control && <span className="badge badge-warning">control group</span>}
      </h4>
      {trace.runs.length === 0 && <p className="muted">This profile never entered the journey.</p>}
      {trace.runs.map((run, i) => (
        <table className="data-table sim-table" key={`${run.entryAt}-${i}`}>
          <caption>
            Entry {i + 1} at {formatInstant(run.entryAt)}: {END_TEXT[run.end] ?? run.end}
            {run.conversion &&
              ` · converted ${formatInstant(run.conversion.at)}${
                run.conversion.amount !== null
                  ? ` (${formatNumber(run.conversion.amount, 'currency')})`
                  : ''
              }`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Simulated time</th>
              <th scope="col">Step</th>
              <th scope="col">Went</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
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
                <td>{step.branch === null ? '–' : step.branch === 'next' ? '→' : step.branch}</td>
                <td>{step.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
