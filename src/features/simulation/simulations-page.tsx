import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { failureCause } from '../../i18n/failure-words.ts';
import { Link } from 'react-router';
import { TableHead } from '../../ui/table-head.tsx';
import { useConfirm } from '../../ui/use-confirm.tsx';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import { count, formatWhen } from './format.ts';
import { useSimulationServices } from './simulation-services.tsx';
import { compileForSimulation } from './spec-version.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import './simulation.css';

/** How a saved run relates to its journey as stored now. */
type RunStanding = 'current' | 'stale' | 'deleted';

interface RunRow {
  run: SimulationRun;
  standing: RunStanding;
}

const STANDING_TEXT: Record<RunStanding, MessageDescriptor> = defineMessages({
  current: { id: 'sim.simulations-page.current' },
  stale: { id: 'sim.simulations-page.stale' },
  deleted: { id: 'sim.simulations-page.deleted' },
});

/** Every saved simulation run across journeys, newest first, with open and delete. */
export function SimulationsPage() {
  const intl = useIntl();
  const services = useSimulationServices();
  const [rows, setRows] = useState<RunRow[] | null>(null);
  const [error, setError] = useState<{ what: 'load' | 'delete'; reason: FailureReason } | null>(
    null,
  );

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
      setError({ what: 'load', reason: failureReasonOf(e) });
    }
  }, [services]);
  const confirmDelete = useConfirm(
    (run: SimulationRun) => ({
      title: intl.formatMessage({ id: 'sim.simulations-page.deleteTitle' }),
      description: intl.formatMessage(
        { id: 'sim.simulations-page.deleteDescription' },
        { journey: run.journeyName, when: formatWhen(run.createdAt) },
      ),
      confirmLabel: intl.formatMessage({ id: 'sim.simulations-page.deleteConfirm' }),
    }),
    (run) =>
      void services.runs
        .delete(run.id)
        .then(load, (e: unknown) => setError({ what: 'delete', reason: failureReasonOf(e) })),
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page">
      <PageHeader
        title={<FormattedMessage id="sim.simulations-page.simulations" />}
        subtitle={<FormattedMessage id="sim.simulations-page.savedRunsOfYourJourneys" />}
      />
      {error !== null && (
        <p role="alert" className="field-error">
          <FormattedMessage
            id="sim.simulations-page.couldNotLoadTheRuns"
            values={{ what: error.what, cause: failureCause(intl, error.reason) }}
          />
        </p>
      )}
      {rows === null ? (
        error === null && (
          <p className="muted">
            <FormattedMessage id="sim.simulations-page.loadingRuns" />
          </p>
        )
      ) : rows.length === 0 ? (
        <p className="muted">
          <FormattedMessage
            id="sim.simulations-page.noSimulationsYet"
            values={{ link: (chunks: ReactNode[]) => <Link to="/">{chunks}</Link> }}
          />
        </p>
      ) : (
        <table className="data-table sim-table card">
          <caption className="visually-hidden">
            <FormattedMessage id="sim.simulations-page.savedSimulationRuns" />
          </caption>
          <TableHead
            columns={[
              intl.formatMessage({ id: 'sim.simulations-page.journeyColumn' }),
              intl.formatMessage({ id: 'sim.simulations-page.run' }),
              intl.formatMessage({ id: 'sim.simulations-page.profileSet' }),
              {
                label: intl.formatMessage({ id: 'sim.simulations-page.profiles' }),
                numeric: true,
              },
              {
                label: intl.formatMessage({ id: 'sim.simulations-page.conversions' }),
                numeric: true,
              },
              intl.formatMessage({ id: 'sim.simulations-page.journeyVersion' }),
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
                    title={
                      standing === 'stale'
                        ? intl.formatMessage({
                            id: 'sim.simulations-page.theJourneyChangedSinceThis',
                          })
                        : undefined
                    }
                  >
                    {intl.formatMessage(STANDING_TEXT[standing])}
                  </span>
                </td>
                <td>
                  <div className="sim-row-actions">
                    {standing !== 'deleted' && (
                      <Link
                        className="btn btn-sm"
                        to={`/journeys/${encodeURIComponent(run.journeyId)}`}
                        aria-label={intl.formatMessage(
                          { id: 'sim.simulations-page.openLabel' },
                          { journey: run.journeyName },
                        )}
                      >
                        <FormattedMessage id="sim.simulations-page.open" />
                      </Link>
                    )}
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={intl.formatMessage(
                        { id: 'sim.simulations-page.deleteLabel' },
                        { journey: run.journeyName, when: formatWhen(run.createdAt) },
                      )}
                      onClick={() => confirmDelete.ask(run)}
                    >
                      <FormattedMessage id="sim.simulations-page.delete" />
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
