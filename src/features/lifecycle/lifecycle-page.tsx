import { FormattedMessage, useIntl } from 'react-intl';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { failureCause } from '../../i18n/failure-words.ts';
import { LIFECYCLE_STAGE_MESSAGES } from '../../i18n/domain-labels.ts';
import { dateFormat } from '../../i18n/format-locale.ts';
import { useLiveRead } from '../../storage/use-live-read.ts';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { getAppDb } from '../../storage/app-storage.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import type { OverviewJourney, StageColumn } from './lifecycle-model.ts';
import { simulateJourneys, type SkippedJourney } from './simulate-missing.ts';
import { useLifecycleOverview } from './use-lifecycle-data.ts';
import './lifecycle.css';

function JourneyCard({ journey }: { journey: OverviewJourney }) {
  const intl = useIntl();
  const f = journey.figures;
  return (
    <li className="lifecycle-journey">
      <Link to={`/journeys/${journey.id}`} className="lifecycle-journey-name">
        {journey.name}
      </Link>
      {f === null ? (
        <p className="muted">
          <FormattedMessage id="lifecycle.lifecycle-page.notSimulatedYet" />
        </p>
      ) : (
        <>
          <dl
            className="lifecycle-figures"
            aria-label={intl.formatMessage(
              { id: 'lifecycle.lifecycle-page.figuresOf' },
              { journey: journey.name },
            )}
          >
            <dt>
              <FormattedMessage id="lifecycle.lifecycle-page.entered" />
            </dt>
            <dd>{formatNumber(f.entered)}</dd>
            <dt>
              <FormattedMessage id="lifecycle.lifecycle-page.conversion" />
            </dt>
            <dd>
              {f.conversionRate === null
                ? intl.formatMessage({ id: 'lifecycle.lifecycle-page.noGoal' })
                : formatNumber(f.conversionRate, 'percent')}
            </dd>
            <dt>
              <FormattedMessage id="lifecycle.lifecycle-page.revenue" />
            </dt>
            <dd>
              {f.revenue === null
                ? intl.formatMessage({ id: 'lifecycle.lifecycle-page.noGoal' })
                : formatNumber(f.revenue, 'currency')}
            </dd>
            <dt>
              <FormattedMessage id="lifecycle.lifecycle-page.messagesProfileWeek" />
            </dt>
            <dd>{formatNumber(f.messagesPerProfilePerWeek, 'number')}</dd>
          </dl>
          <p className="lifecycle-run muted">
            <FormattedMessage
              id="lifecycle.lifecycle-page.simulated"
              values={{
                day: dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(f.ranAt),
                set: f.profileSetName,
                stale: f.stale ? 'yes' : 'no',
              }}
            />
          </p>
        </>
      )}
    </li>
  );
}

function StageColumnView({ column }: { column: StageColumn }) {
  const intl = useIntl();
  const label = intl.formatMessage(LIFECYCLE_STAGE_MESSAGES[column.stage]);
  const headingId = `stage-${column.stage}`;
  const empty = column.journeys.length === 0;
  return (
    <section
      className={`lifecycle-stage${empty ? ' lifecycle-stage--empty' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{label}</h2>
      {empty ? (
        <p className="lifecycle-gap" role="note">
          <strong>
            <FormattedMessage id="lifecycle.lifecycle-page.noJourneyInThisStage" />
          </strong>{' '}
          <FormattedMessage id="lifecycle.lifecycle-page.customersHereGetNoMessage" />{' '}
          <Link to="/">
            <FormattedMessage id="lifecycle.lifecycle-page.createOneFromATemplate" />
          </Link>
        </p>
      ) : (
        <ul
          className="lifecycle-journeys"
          aria-label={intl.formatMessage(
            { id: 'lifecycle.lifecycle-page.journeysIn' },
            { stage: label },
          )}
        >
          {column.journeys.map((j) => (
            <JourneyCard key={j.id} journey={j} />
          ))}
        </ul>
      )}
      <p
        className="lifecycle-pressure"
        aria-label={intl.formatMessage(
          { id: 'lifecycle.lifecycle-page.pressureIn' },
          { stage: label },
        )}
      >
        {column.pressurePerWeek === null ? (
          empty ? (
            <FormattedMessage id="lifecycle.lifecycle-page.noPressure" />
          ) : (
            <FormattedMessage id="lifecycle.lifecycle-page.pressureUnknown" />
          )
        ) : (
          <>
            <FormattedMessage
              id="lifecycle.lifecycle-page.messagesPerCustomerPerWeek"
              values={{
                pressure: formatNumber(column.pressurePerWeek, 'number'),
                simulated: column.simulated,
                notSimulated: column.journeys.length - column.simulated,
                strong: (chunks) => <strong>{chunks}</strong>,
              }}
            />
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
  const intl = useIntl();
  const overview = useLifecycleOverview();
  const sets = useLiveRead(() => createProfileRepo(getAppDb()).listProfileSets(), []);
  const [setId, setSetId] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(
    null,
  );
  const [skipped, setSkipped] = useState<SkippedJourney[]>([]);
  const [problem, setProblem] = useState<FailureReason | null>(null);
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
          (done, total, name) => setProgress(done < total ? { done, total, name } : null),
          controller.signal,
        ),
      );
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setProblem(failureReasonOf(error));
      }
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  return (
    <section className="page lifecycle-page">
      <PageHeader
        title={<FormattedMessage id="lifecycle.lifecycle-page.lifecycleOverview" />}
        subtitle={<FormattedMessage id="lifecycle.lifecycle-page.everyJourneyByTheLifecycle" />}
      />
      {overview === undefined ? (
        <p role="status">
          <FormattedMessage id="lifecycle.lifecycle-page.loadingJourneysAndTheirRuns" />
        </p>
      ) : (
        <>
          <div className="lifecycle-toolbar">
            {sets !== undefined && sets.length > 0 && (
              <label className="inline-field">
                <FormattedMessage id="lifecycle.lifecycle-page.profileSet" />{' '}
                <select
                  value={set?.id ?? ''}
                  title={set?.name}
                  onChange={(e) => setSetId(e.target.value)}
                >
                  {sets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({formatNumber(s.count)})
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
                  {missing.length === 0 ? (
                    <FormattedMessage id="lifecycle.lifecycle-page.allCurrent" />
                  ) : (
                    <FormattedMessage
                      id="lifecycle.lifecycle-page.simulateMissing"
                      values={{ count: missing.length }}
                    />
                  )}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={set === undefined || all.length === 0}
                  onClick={() => void simulate(all.map((j) => j.id))}
                >
                  <FormattedMessage id="lifecycle.lifecycle-page.simulateAllAgain" />
                </button>
              </>
            ) : (
              <>
                <span role="status">
                  <FormattedMessage
                    id="lifecycle.lifecycle-page.simulatingJourney"
                    values={{ n: progress.done + 1, total: progress.total, name: progress.name }}
                  />
                </span>
                <button type="button" className="btn" onClick={() => abort.current?.abort()}>
                  <FormattedMessage id="lifecycle.lifecycle-page.cancel" />
                </button>
              </>
            )}
          </div>
          {problem !== null && (
            <p role="alert">
              <FormattedMessage
                id="lifecycle.lifecycle-page.theSimulationFailed"
                values={{ cause: failureCause(intl, problem) }}
              />
            </p>
          )}
          {skipped.length > 0 && (
            <p role="alert">
              <FormattedMessage
                id="lifecycle.lifecycle-page.notSimulatedFixThemIn"
                values={{
                  journeys: intl.formatList(
                    skipped.map((s) =>
                      intl.formatMessage(
                        { id: 'lifecycle.lifecycle-page.skipped' },
                        { journey: s.name, errors: s.errors },
                      ),
                    ),
                  ),
                }}
              />
            </p>
          )}
          <p className="muted lifecycle-note">
            <FormattedMessage id="lifecycle.lifecycle-page.messagePressureAddsUpThe" />
          </p>
          <div className="lifecycle-board">
            {overview.stages.map((column) => (
              <StageColumnView key={column.stage} column={column} />
            ))}
          </div>
          {overview.unassigned.length > 0 && (
            <section className="lifecycle-unassigned" aria-labelledby="stage-none">
              <h2 id="stage-none">
                <FormattedMessage id="lifecycle.lifecycle-page.notAssignedToAStage" />
              </h2>
              <ul
                className="lifecycle-journeys lifecycle-journeys--row"
                aria-label={intl.formatMessage({
                  id: 'lifecycle.lifecycle-page.journeysNotAssignedToA',
                })}
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
