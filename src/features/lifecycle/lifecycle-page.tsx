import { useLiveRead } from '../../storage/use-live-read.ts';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { getAppDb } from '../../storage/app-storage.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import type { OverviewJourney, StageColumn } from './lifecycle-model.ts';
import { simulateJourneys, type SkippedJourney } from './simulate-missing.ts';
import { useLifecycleOverview } from './use-lifecycle-data.ts';
import './lifecycle.css';

function JourneyCard({ journey }: { journey: OverviewJourney }) {
  const f = journey.figures;
  return (
    <li className="lifecycle-journey">
      <Link to={`/journeys/${journey.id}`} className="lifecycle-journey-name">
        {journey.name}
      </Link>
      {f === null ? (
        <p className="muted">Not simulated yet.</p>
      ) : (
        <>
          <dl
            className="lifecycle-figures"
            aria-label={`Last simulated figures of ${journey.name}`}
          >
            <dt>Entered</dt>
            <dd>{formatNumber(f.entered)}</dd>
            <dt>Conversion</dt>
            <dd>
              {f.conversionRate === null ? 'no goal' : formatNumber(f.conversionRate, 'percent')}
            </dd>
            <dt>Revenue</dt>
            <dd>{f.revenue === null ? 'no goal' : formatNumber(f.revenue, 'currency')}</dd>
            <dt>Messages / profile / week</dt>
            <dd>{formatNumber(f.messagesPerProfilePerWeek, 'number')}</dd>
          </dl>
          <p className="lifecycle-run muted">
            Simulated {new Date(f.ranAt).toISOString().slice(0, 10)} on {f.profileSetName}
            {f.stale && ' — the journey changed since'}
          </p>
        </>
      )}
    </li>
  );
}

function StageColumnView({ column }: { column: StageColumn }) {
  const headingId = `stage-${column.stage}`;
  const empty = column.journeys.length === 0;
  return (
    <section
      className={`lifecycle-stage${empty ? ' lifecycle-stage--empty' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{column.label}</h2>
      {empty ? (
        <p className="lifecycle-gap" role="note">
          <strong>No journey in this stage.</strong> Customers here get no message from you.{' '}
          <Link to="/">Create one from a template</Link>.
        </p>
      ) : (
        <ul className="lifecycle-journeys" aria-label={`Journeys in ${column.label}`}>
          {column.journeys.map((j) => (
            <JourneyCard key={j.id} journey={j} />
          ))}
        </ul>
      )}
      <p className="lifecycle-pressure" aria-label={`Message pressure in ${column.label}`}>
        {column.pressurePerWeek === null ? (
          empty ? (
            'No message pressure.'
          ) : (
            'Message pressure unknown: simulate the journeys.'
          )
        ) : (
          <>
            <strong>{formatNumber(column.pressurePerWeek, 'number')}</strong> messages per customer
            per week from the stage’s {column.simulated} simulated journey
            {column.simulated === 1 ? '' : 's'}
            {column.simulated < column.journeys.length &&
              ` (${column.journeys.length - column.simulated} not simulated)`}
            .
          </>
        )}
      </p>
    </section>
  );
}

/**
 * The lifecycle overview: the six stages as columns with their journeys and last simulated
 * figures, stages without a journey flagged, and each stage's combined message pressure, so
 * gaps and fatigue show across journeys rather than one journey at a time.
 */
export function LifecyclePage() {
  const overview = useLifecycleOverview();
  const sets = useLiveRead(() => createProfileRepo(getAppDb()).listProfileSets(), []);
  const [setId, setSetId] = useState('');
  const [progress, setProgress] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<SkippedJourney[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const set = sets?.find((s) => s.id === setId) ?? sets?.[0];
  const all = overview
    ? [...overview.stages.flatMap((s) => s.journeys), ...overview.unassigned]
    : [];
  const missing = all.filter((j) => j.figures === null || j.figures.stale);

  async function simulate(ids: string[]) {
    if (set === undefined) return;
    const controller = new AbortController();
    abort.current = controller;
    setProblem(null);
    try {
      setSkipped(
        await simulateJourneys(
          ids,
          set,
          (done, total, name) =>
            setProgress(done < total ? `Simulating ${done + 1} of ${total}: ${name}…` : null),
          controller.signal,
        ),
      );
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  return (
    <section className="page lifecycle-page">
      <header className="page-header">
        <div>
          <h1>Lifecycle overview</h1>
          <p className="page-subtitle">
            Every journey by the lifecycle stage it serves, with its last simulated figures: where
            customers hear nothing, and where they hear too much.
          </p>
        </div>
      </header>
      {overview === undefined ? (
        <p role="status">Loading journeys and their runs…</p>
      ) : (
        <>
          <div className="lifecycle-toolbar">
            {sets !== undefined && sets.length > 0 && (
              <label className="inline-field">
                Profile set{' '}
                <select value={set?.id ?? ''} onChange={(e) => setSetId(e.target.value)}>
                  {sets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.count.toLocaleString('en')})
                    </option>
                  ))}
                </select>
              </label>
            )}
            {progress === null ? (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={set === undefined || missing.length === 0}
                  onClick={() => void simulate(missing.map((j) => j.id))}
                >
                  {missing.length === 0
                    ? 'Every journey has current figures'
                    : `Simulate ${missing.length} journey${missing.length === 1 ? '' : 's'} without current figures`}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={set === undefined || all.length === 0}
                  onClick={() => void simulate(all.map((j) => j.id))}
                >
                  Simulate all again
                </button>
              </>
            ) : (
              <>
                <span role="status">{progress}</span>
                <button type="button" className="btn" onClick={() => abort.current?.abort()}>
                  Cancel
                </button>
              </>
            )}
          </div>
          {problem !== null && <p role="alert">The simulation failed: {problem}</p>}
          {skipped.length > 0 && (
            <p role="alert">
              Not simulated (fix them in the editor):{' '}
              {skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}.
            </p>
          )}
          <p className="muted lifecycle-note">
            Message pressure adds up the messages per profile per week of a stage’s journeys: what a
            customer who is in all of them at once receives.
          </p>
          <div className="lifecycle-board">
            {overview.stages.map((column) => (
              <StageColumnView key={column.stage} column={column} />
            ))}
          </div>
          {overview.unassigned.length > 0 && (
            <section className="lifecycle-unassigned" aria-labelledby="stage-none">
              <h2 id="stage-none">Not assigned to a stage</h2>
              <ul
                className="lifecycle-journeys lifecycle-journeys--row"
                aria-label="Journeys not assigned to a stage"
              >
                {overview.unassigned.map((j) => (
                  <JourneyCard key={j.id} journey={j} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
