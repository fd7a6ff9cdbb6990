import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { ApiHttpError } from '../../api/api-errors.ts';
import { useApiClient } from '../../api/backend-settings.ts';
import { countsQueryOptions } from '../../api/get-counts.ts';
import { getVersionQueryOptions } from '../../api/get-version.ts';
import { listVersionsQueryOptions } from '../../api/list-versions.ts';
import type { JourneyDocument } from '../../domain/index.ts';
import { liveOverlay } from '../../domain/live/live-overlay.ts';
import { specSuccessors } from '../../domain/live/step-comparison.ts';
import { versionDrift } from '../../domain/live/version-drift.ts';
import type { CountsOverlay } from '../../domain/simulate/counts-overlay.ts';
import { specForVersion } from '../../editor/spec-for-version.ts';
import { withLiveMessages } from '../../i18n/live-messages.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { CountsToggle, type CountsView } from './counts-toggle.tsx';
import { useVersionForecast } from './use-version-forecast.ts';
import { VersionBanner, type RemovedStep } from './version-banner.tsx';
import './live.css';

/** How often the published versions are asked for while the editor is open and visible. */
const VERSIONS_POLL_MS = 30_000;

const FORECAST_PROBLEMS = defineMessages({
  'no-profiles': { id: 'live.forecast.noProfiles' },
  failed: { id: 'live.forecast.failed' },
});

// The chart (and its plotting library) loads when first opened.
const ForecastVsActual = lazy(() =>
  import('./forecast-vs-actual.tsx').then((m) => ({ default: m.ForecastVsActual })),
);

/**
 * Live counts of the journey's published versions on the canvas, from the backend's counts
 * endpoint (polled while the editor is open and the tab visible): the version banner, the
 * simulated / actual / both toggle, the forecast of the version to compare with, and the forecast
 * against what happened per day. Draws nothing for a journey the backend has never published.
 */
function LiveCountsBar({
  document,
  onOverlay,
}: {
  document: JourneyDocument;
  onOverlay: (overlay: CountsOverlay | null) => void;
}) {
  const intl = useIntl();
  const client = useApiClient();
  // Polled, slowly: a version published elsewhere (another tab, a team's CI) shows up here.
  const versions = useQuery({
    ...listVersionsQueryOptions(client, document.id),
    staleTime: 10_000,
    refetchInterval: VERSIONS_POLL_MS,
    refetchIntervalInBackground: false,
  });
  const [picked, setPicked] = useState<number | null>(null);
  const [chosenView, setView] = useState<CountsView | null>(null);
  const [chartOpen, setChartOpen] = useState(false);
  const list = versions.data ?? [];
  const current = list.find((v) => v.version === picked) ?? list.at(-1);
  const version = current?.version ?? 0;
  const enabled = current !== undefined;
  const detail = useQuery({ ...getVersionQueryOptions(client, document.id, version), enabled });
  const counts = useQuery({ ...countsQueryOptions(client, document.id, version), enabled });
  const spec = detail.data?.spec ?? null;
  // The executor no longer has this version (it started over on an empty database, or the
  // settings point at another one): ask which versions it has rather than keep the old counts.
  const versionGone = counts.error instanceof ApiHttpError && counts.error.status === 404;
  const refetchVersions = versions.refetch;
  useEffect(() => {
    if (versionGone) void refetchVersions();
  }, [versionGone, refetchVersions]);
  // Until the user chooses, the canvas shows actual counts once the version has any entries,
  // and leaves the simulation's counts alone before (a version nobody entered yet has only zeros).
  const view: CountsView = chosenView ?? ((counts.data?.entries ?? 0) > 0 ? 'actual' : 'simulated');
  const ref = useMemo(
    () =>
      current === undefined
        ? null
        : {
            baseUrl: client.baseUrl,
            journeyId: document.id,
            version: current.version,
            specHash: current.specHash,
          },
    [client.baseUrl, document.id, current],
  );
  const { forecast, status, run } = useVersionForecast(ref, spec);

  const drift = useMemo(() => {
    if (current === undefined || spec === null) return null;
    return versionDrift(
      {
        specHash: specForVersion(document, current.version)?.specHash ?? null,
        stepIds: document.steps.map((s) => s.id),
      },
      { specHash: current.specHash, stepIds: Object.keys(spec.steps) },
    );
  }, [document, current, spec]);

  const removed = useMemo<RemovedStep[]>(
    () =>
      (drift?.removedStepIds ?? []).map((id) => ({
        id,
        label: spec?.steps[id]?.label ?? id,
        entered: counts.data?.steps[id]?.entered ?? 0,
        waiting: counts.data?.steps[id]?.waiting ?? 0,
      })),
    [drift, spec, counts.data],
  );

  const overlay = useMemo(() => {
    if (view === 'simulated' || counts.data === undefined || spec === null) return null;
    return liveOverlay(counts.data, document, view, forecast, specSuccessors(spec));
  }, [view, counts.data, spec, document, forecast]);

  useEffect(() => {
    onOverlay(overlay);
  }, [overlay, onOverlay]);
  useEffect(
    () => () => {
      onOverlay(null);
    },
    [onOverlay],
  );

  if (current === undefined) return null;
  return (
    <section className="live-counts" aria-label={intl.formatMessage({ id: 'live.region' })}>
      <VersionBanner
        version={current.version}
        publishedAt={current.publishedAt}
        asOf={counts.data?.asOf ?? null}
        drift={drift}
        removed={removed}
      />
      <div className="live-counts__controls">
        {list.length > 1 && (
          <label className="live-counts__version">
            <FormattedMessage id="live.version.pick" />
            <select
              value={current.version}
              onChange={(e) => setPicked(Number(e.currentTarget.value))}
            >
              {[...list].reverse().map((v) => (
                <option key={v.version} value={v.version}>
                  {intl.formatMessage({ id: 'live.version.option' }, { version: v.version })}
                </option>
              ))}
            </select>
          </label>
        )}
        <CountsToggle value={view} onChange={setView} />
        {counts.isError && (
          <span role="alert" className="live-counts__problem">
            {counts.data === undefined ? (
              <FormattedMessage id="live.countsFailed" />
            ) : (
              <FormattedMessage id="live.countsFailedKept" />
            )}
          </span>
        )}
        {status.state === 'running' ? (
          <span role="status">
            <FormattedMessage
              id="live.forecast.running"
              values={{ done: status.done, total: status.total }}
            />
          </span>
        ) : (
          <button
            type="button"
            className="btn btn-sm"
            disabled={spec === null}
            onClick={() => void run()}
          >
            {forecast === null
              ? intl.formatMessage({ id: 'live.forecast.run' }, { version: current.version })
              : intl.formatMessage({ id: 'live.forecast.rerun' }, { version: current.version })}
          </button>
        )}
        {status.state === 'failed' && (
          <span role="alert" className="live-counts__problem">
            <FormattedMessage {...FORECAST_PROBLEMS[status.reason]} />
          </span>
        )}
        {view === 'both' && forecast === null && status.state !== 'running' && (
          <span className="live-counts__hint">
            <FormattedMessage id="live.forecast.needed" values={{ version: current.version }} />
          </span>
        )}
        {forecast !== null && counts.data !== undefined && (
          <button type="button" className="btn btn-sm" onClick={() => setChartOpen(true)}>
            <FormattedMessage id="live.chart.open" />
          </button>
        )}
      </div>
      {forecast !== null && counts.data !== undefined && (
        <Dialog
          open={chartOpen}
          onOpenChange={setChartOpen}
          title={intl.formatMessage({ id: 'live.chart.title' }, { version: current.version })}
        >
          {chartOpen && (
            <Suspense fallback={null}>
              <ForecastVsActual
                forecast={forecast}
                counts={counts.data}
                publishedAt={current.publishedAt}
              />
            </Suspense>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setChartOpen(false)}>
              <FormattedMessage id="live.chart.close" />
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

export const LiveCounts = withLiveMessages(LiveCountsBar);
