import { FormattedMessage, useIntl } from 'react-intl';
import { failureCause } from '../../i18n/failure-words.ts';
import { useCallback, useMemo, useState } from 'react';
import type { Spec } from '../../domain/compile/spec-schema.ts';
import { AttributionNotice } from './attribution-notice.tsx';
import { BranchView } from './branch-view.tsx';
import { BusinessKpis } from './business-kpis.tsx';
import { CompareView } from './compare-view.tsx';
import { ForecastCards } from './forecast-cards.tsx';
import { variantView } from './forecast-model.ts';
import { ForecastSetup, type ForecastChoice } from './forecast-setup.tsx';
import { KpiTable } from './kpi-table.tsx';
import { SampleSizePanel } from './sample-size-panel.tsx';
import { SendsChart } from './sends-chart.tsx';
import { SensitivityPanel } from './sensitivity-panel.tsx';
import { loadJourneySpec, storedSet, useForecastSources } from './use-forecast-sources.ts';
import { useForecastRun } from './use-forecast-run.ts';
import { useNoEntryReasons } from './use-no-entry-reasons.ts';
import { NoEntryReasons } from '../../ui/no-entry-reasons.tsx';
import { readForecastSetAhead } from '../../workers/forecast/run-forecast.ts';
import { whenIdle } from '../../ui/on-demand.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import './forecast.css';

interface Loaded {
  variants: { name: string; spec: Spec; journeyId: string }[];
  setId: string;
  /** The set's name when the run started: the results say which set they are of. */
  setName: string;
  count: number;
}

/** The forecast page: ranges, variants side by side, sensitivity, sample sizes and business KPIs. */
export function ForecastPage() {
  const intl = useIntl();
  const { journeys, sets } = useForecastSources();
  const { state, start, cancel } = useForecastRun();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const running = state.status === 'running' || loading;
  /**
   * The workers read the chosen set while the rest of the form is filled in (again when the
   * list of sets changes: a cheap check of the set's revision when they hold it already).
   */
  const readAhead = useCallback(
    (setId: string) => {
      const set = sets?.find((s) => s.id === setId);
      if (set !== undefined) readForecastSetAhead(storedSet(set.id), set.count);
    },
    [sets],
  );
  /**
   * Once the page is idle, the workers rehearse the chosen journeys on a batch of the chosen set,
   * so the forecast runs with the engine's code compiled.
   */
  const rehearse = useCallback(
    (setId: string, journeyIds: readonly string[]) => {
      const set = sets?.find((s) => s.id === setId);
      if (set === undefined) return undefined;
      let live = true;
      const cancel = whenIdle(() => {
        Promise.all(journeyIds.map(loadJourneySpec))
          .then((loaded) => {
            const specs = loaded.flatMap((j) => (j.ok ? [j.spec] : []));
            if (live && specs.length > 0) readForecastSetAhead(storedSet(set.id), set.count, specs);
          })
          // Only a head start: the run loads the journeys again and says what is wrong.
          .catch(() => undefined);
      });
      return () => {
        live = false;
        cancel();
      };
    },
    [sets],
  );

  async function run(choice: ForecastChoice) {
    setProblem(null);
    setLoading(true);
    try {
      const ids = choice.journeyB === '' ? [choice.journeyA] : [choice.journeyA, choice.journeyB];
      const specs = await Promise.all(ids.map(loadJourneySpec));
      const broken = specs.find((s) => !s.ok);
      if (broken !== undefined && !broken.ok) {
        return setProblem(
          broken.missing
            ? intl.formatMessage({ id: 'forecast.problem.journeyMissing' })
            : intl.formatMessage(
                { id: 'forecast.problem.journeyErrors' },
                { journey: broken.name, count: broken.errors },
              ),
        );
      }
      const set = sets?.find((s) => s.id === choice.setId);
      if (set === undefined || set.count === 0)
        return setProblem(intl.formatMessage({ id: 'forecast.problem.emptySet' }));
      const variants = specs.flatMap((s, i) =>
        s.ok
          ? [
              {
                name: `${ids.length > 1 ? (i === 0 ? 'A: ' : 'B: ') : ''}${s.name}`,
                spec: s.spec,
                journeyId: ids[i] ?? '',
              },
            ]
          : [],
      );
      setLoaded({ variants, setId: set.id, setName: set.name, count: set.count });
      // The workers read the set themselves (and sum its survey answers for the business KPIs):
      // the page reads no profile.
      void start({
        variants: variants.map((v) => ({ spec: v.spec })),
        set: storedSet(set.id),
        count: set.count,
        replications: choice.replications,
        stopWithin: choice.stopWithin,
      });
    } finally {
      setLoading(false);
    }
  }

  const views = useMemo(
    () =>
      (loaded?.variants ?? []).flatMap((v, i) => {
        const view = variantView(v.name, state.replications, i);
        return view ? [{ ...view, journeyId: v.journeyId, variant: i }] : [];
      }),
    [loaded, state.replications],
  );
  const [a, b] = views;
  // Once the forecast is done, why nobody entered a variant, if nobody did.
  const finished = useMemo(
    () =>
      loaded === null || state.status !== 'done'
        ? null
        : loaded.variants.map((v, i) => ({
            spec: v.spec,
            results: state.replications.flatMap((r) => (r.results[i] ? [r.results[i]] : [])),
          })),
    [loaded, state.status, state.replications],
  );
  const diagnosedSet = useMemo(
    () => (loaded === null ? null : { ref: storedSet(loaded.setId), count: loaded.count }),
    [loaded],
  );
  const noEntry = useNoEntryReasons(finished, diagnosedSet);
  const cap = loaded?.variants[0]?.spec.settings.frequencyCap;
  /**
   * The set of the results shown was deleted (here or in another tab): they stay, said to be of
   * a set deleted since, and what would read the set again (the sensitivity) is not offered.
   */
  const setDeleted =
    loaded !== null && sets !== undefined && !sets.some((s) => s.id === loaded.setId);

  return (
    <section className="page forecast-page">
      <PageHeader
        title={<FormattedMessage id="forecast.forecast-page.forecast" />}
        subtitle={<FormattedMessage id="forecast.forecast-page.howSureANumberIs" />}
      />
      {journeys === undefined || sets === undefined ? (
        <p role="status">
          <FormattedMessage id="forecast.forecast-page.loadingJourneysAndProfileSets" />
        </p>
      ) : journeys.length === 0 || sets.length === 0 ? (
        <p>
          <FormattedMessage
            id="forecast.forecast-page.needsAJourneyAndASet"
            values={{ missing: journeys.length === 0 ? 'journey' : 'set' }}
          />
        </p>
      ) : (
        <ForecastSetup
          journeys={journeys}
          sets={sets}
          running={running}
          onRun={(c) => void run(c)}
          onSetChosen={readAhead}
          onChoiceReady={rehearse}
        />
      )}
      {problem !== null && <p role="alert">{problem}</p>}
      {state.status !== 'idle' && (
        <div className="forecast-progress" aria-live="polite">
          <progress
            max={state.total}
            value={state.progress}
            aria-label={intl.formatMessage({ id: 'forecast.forecast-page.replicationsDone' })}
          />
          <span role="status">
            <FormattedMessage
              id="forecast.forecast-page.progress"
              values={{
                done: state.done,
                total: state.total,
                ending:
                  state.status === 'cancelled'
                    ? 'cancelled'
                    : state.status === 'done' && state.stoppedEarly
                      ? 'stoppedEarly'
                      : 'none',
              }}
            />
          </span>
          {state.status === 'running' && (
            <button type="button" className="btn" onClick={cancel}>
              <FormattedMessage id="forecast.forecast-page.cancel" />
            </button>
          )}
        </div>
      )}
      {loaded !== null && (state.status === 'running' || state.replications.length > 0) && (
        <p className="forecast-results-set">
          <FormattedMessage
            id="forecast.forecast-page.resultsOfSet"
            values={{
              set: loaded.setName,
              count: loaded.count,
              deleted: setDeleted ? 'yes' : 'no',
            }}
          />
        </p>
      )}
      {state.status === 'error' &&
        (state.error?.code === 'setGone' ? (
          // Told by the failure's code alone: the list of sets may not have followed yet, and a set
          // deleted meanwhile is not why another failure happened.
          <p role="alert">
            <FormattedMessage id="forecast.forecast-page.setDeletedDuringRun" />
          </p>
        ) : (
          <p role="alert">
            <FormattedMessage
              id="forecast.forecast-page.theForecastFailed"
              values={{ cause: state.error === null ? '' : failureCause(intl, state.error) }}
            />
          </p>
        ))}
      {views.map((view) => (
        <section
          key={view.name}
          className="forecast-section"
          aria-label={intl.formatMessage(
            { id: 'forecast.forecast-page.sectionOf' },
            { name: view.name },
          )}
        >
          <h2>{view.name}</h2>
          {noEntry[view.variant] !== undefined && (
            <NoEntryReasons
              reasons={noEntry[view.variant] ?? []}
              stepLabel={(stepId) =>
                loaded?.variants[view.variant]?.spec.steps[stepId]?.label || stepId
              }
            />
          )}
          <AttributionNotice view={view} journeyId={view.journeyId} />
          <ForecastCards view={view} />
          <SendsChart view={view} />
          <details className="forecast-details">
            <summary>
              <FormattedMessage id="forecast.forecast-page.everyKpiAsATable" />
            </summary>
            <KpiTable view={view} />
          </details>
        </section>
      ))}
      {a !== undefined && b !== undefined && a.values.length >= 2 && <CompareView a={a} b={b} />}
      {views.map((view) => (
        <BranchView key={view.name} view={view} />
      ))}
      {a !== undefined && loaded !== null && state.status !== 'running' && (
        <>
          <BusinessKpis
            view={a}
            historical={state.historicalNps}
            setId={loaded.setId}
            capText={
              cap
                ? intl.formatMessage(
                    { id: 'forecast.forecast-page.cap' },
                    { max: cap.max, days: cap.periodDays, enabled: cap.enabled ? 'yes' : 'no' },
                  )
                : ''
            }
          />
          {state.period !== null && !setDeleted && (
            <SensitivityPanel
              spec={loaded.variants[0]?.spec as Spec}
              setId={loaded.setId}
              period={state.period}
              count={loaded.count}
              kpis={a.kpis}
              baseKpis={a.values}
            />
          )}
          <SampleSizePanel
            key={a.name}
            baselineRate={a.summaries['conversionRate']?.mean ?? null}
            entrantsPerDay={a.entrantsPerDay}
          />
        </>
      )}
    </section>
  );
}
