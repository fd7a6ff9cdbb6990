import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { TableHead } from '../../ui/table-head.tsx';
import { useConfirm } from '../../ui/use-confirm.tsx';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import { count, formatWhen } from './format.ts';
import { useSimulationServices } from './simulation-services.tsx';
import { compileForSimulation } from './spec-version.ts';
import './simulation.css';

/** How a saved run relates to its journey as stored now. */
type RunStanding = 'current' | 'stale' | 'deleted';

interface RunRow {
  run: SimulationRun;
  standing: RunStanding;
}

const STANDING_TEXT: Record<RunStanding, string> = {
  current: 'Current',
  stale: 'Stale',
  deleted: 'Journey deleted',
};

/** Every saved simulation run across journeys, newest first, with open and delete. */
export function SimulationsPage() {
  const services = useSimulationServices();
  const [rows, setRows] = useState<RunRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const runs = await services.runs.listAll();
      const hashes = new Map<string, string | null>();
      for (const id of new Set(runs.map((r) => r.journeyId))) {
        const document = await services.loadJourney(id);
        const compiled = document ? compileForSimulation(document) : null;
        hashes.set(id, compiled === null ? null : compiled.ok ? compiled.specHash : '');
      }
      setRows(
        runs.map((run) => {
          const hash = hashes.get(run.journeyId) ?? null;
          return {
            run,
            standing: hash === null ? 'deleted' : hash === run.specHash ? 'current' : 'stale',
          };
        }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [services]);
  const confirmDelete = useConfirm(
    (run: SimulationRun) => ({
      title: 'Delete this run?',
      description: `The run of “${run.journeyName}” from ${formatWhen(run.createdAt)} will be deleted. The journey stays.`,
      confirmLabel: 'Delete run',
    }),
    (run) =>
      void services.runs
        .delete(run.id)
        .then(load, (e: unknown) => setError(e instanceof Error ? e.message : String(e))),
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page">
      <div className="page-header">
        <div>
          <h1>Simulations</h1>
          <p className="page-subtitle">
            Saved runs of your journeys over sample profiles. Run one from a journey’s editor with
            “Simulate”.
          </p>
        </div>
      </div>
      {error !== null && (
        <p role="alert" className="field-error">
          Could not load the runs: {error}
        </p>
      )}
      {rows === null ? (
        error === null && <p className="muted">Loading runs…</p>
      ) : rows.length === 0 ? (
        <p className="muted">
          No simulations yet. Open a <Link to="/">journey</Link> and press “Simulate”.
        </p>
      ) : (
        <table className="data-table sim-table card">
          <caption className="visually-hidden">Saved simulation runs</caption>
          <TableHead
            columns={[
              'Journey',
              'Run',
              'Profile set',
              { label: 'Profiles', numeric: true },
              { label: 'Conversions', numeric: true },
              'Journey version',
            ]}
            actions
          />
          <tbody>
            {rows.map(({ run, standing }) => (
              <tr key={run.id}>
                <th scope="row">{run.journeyName}</th>
                <td>{formatWhen(run.createdAt)}</td>
                <td>{run.profileSetName}</td>
                <td className="num">{count(run.profileCount)}</td>
                <td className="num">
                  {run.result.goal ? count(run.result.goal.conversions) : '–'}
                </td>
                <td>
                  <span
                    className={`badge ${standing === 'current' ? 'badge-ok' : 'badge-warning'}`}
                    title={standing === 'stale' ? 'The journey changed since this run' : undefined}
                  >
                    {STANDING_TEXT[standing]}
                  </span>
                </td>
                <td>
                  <div className="sim-row-actions">
                    {standing !== 'deleted' && (
                      <Link
                        className="btn btn-sm"
                        to={`/journeys/${encodeURIComponent(run.journeyId)}`}
                        aria-label={`Open ${run.journeyName}`}
                      >
                        Open
                      </Link>
                    )}
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={`Delete the run of ${run.journeyName} from ${formatWhen(run.createdAt)}`}
                      onClick={() => confirmDelete.ask(run)}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmDelete.dialog}
    </section>
  );
}
