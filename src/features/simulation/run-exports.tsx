import { FormattedMessage, useIntl } from 'react-intl';
import { downloadText } from '../../ui/download.ts';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import { channelsCsv, fileSlug, runJson, sendsPerDayCsv, stepsCsv } from './export-run.ts';

/** Download buttons: the whole run as JSON, its tables as CSV. */
export function RunExports({ run }: { run: SimulationRun }) {
  const intl = useIntl();
  const base = `${fileSlug(run.journeyName)}-simulation-${new Date(run.createdAt)
    .toISOString()
    .slice(0, 10)}`;
  const csv = 'text/csv';
  return (
    <div
      className="sim-exports"
      role="group"
      aria-label={intl.formatMessage({ id: 'sim.run-exports.exportThisRun' })}
    >
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => downloadText(`${base}.json`, runJson(run))}
      >
        <FormattedMessage id="sim.run-exports.exportJson" />
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => downloadText(`${base}-steps.csv`, stepsCsv(run.result), csv)}
      >
        <FormattedMessage id="sim.run-exports.stepsCsv" />
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => downloadText(`${base}-channels.csv`, channelsCsv(run.result), csv)}
      >
        <FormattedMessage id="sim.run-exports.channelsCsv" />
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => downloadText(`${base}-sends-per-day.csv`, sendsPerDayCsv(run.result), csv)}
      >
        <FormattedMessage id="sim.run-exports.sendsPerDayCsv" />
      </button>
    </div>
  );
}
