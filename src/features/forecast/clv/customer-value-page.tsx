import { useState, type FormEvent } from 'react';
import type { CalibrationChoice } from '../../../domain/forecast/clv-fit-report.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { useForecastSources } from '../use-forecast-sources.ts';
import { ClvParameters } from './clv-parameters.tsx';
import { HoldoutCharts } from './holdout-charts.tsx';
import { useClvReport } from './use-clv-report.ts';
import '../forecast.css';

/**
 * Customer value as the literature checks it: BG/NBD and Gamma-Gamma fitted on a calibration
 * period (by default the first two thirds of the purchase history), parameters with their
 * log-likelihood and warnings, and the fit checked against the held-out rest.
 */
export function CustomerValuePage() {
  const { sets } = useForecastSources();
  const [chosenSet, setChosenSet] = useState<string | null>(null);
  const [calibration, setCalibration] = useState<CalibrationChoice>('default');
  const [draft, setDraft] = useState<string | null>(null);
  const setId = chosenSet ?? sets?.[0]?.id ?? null;
  const set = sets?.find((s) => s.id === setId);
  const state = useClvReport(set ? set.id : null, String(set?.updatedAt ?? ''), calibration);
  const report = state.status === 'done' ? state.report : null;
  const resolved = report?.calibrationEnd ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCalibration(draft === null || draft === '' ? 'default' : draft);
  };

  return (
    <section className="page forecast-page">
      <header className="page-header">
        <div>
          <h1>Customer value</h1>
          <p className="page-subtitle">
            Purchase (BG/NBD) and spend (Gamma-Gamma) models fitted on a calibration period and
            checked against the purchases that came after it.
          </p>
        </div>
      </header>
      {sets === undefined ? (
        <p role="status">Loading profile sets…</p>
      ) : sets.length === 0 ? (
        <p>Customer value needs a profile set with purchases: import one on the Profiles page.</p>
      ) : (
        <form className="forecast-setup card" aria-label="Customer value setup" onSubmit={submit}>
          <label className="field">
            <span className="field-label">Profile set</span>
            <select
              value={setId ?? ''}
              onChange={(e) => {
                setChosenSet(e.target.value);
                setDraft(null);
                setCalibration('default');
              }}
            >
              {sets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.count.toLocaleString('en')})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Calibration end</span>
            <input
              type="date"
              value={draft ?? resolved}
              onChange={(e) => setDraft(e.target.value)}
            />
            <span className="field-hint">
              The models learn from purchases up to this day; later ones check them. Default: the
              last third of the history is held out.
            </span>
          </label>
          <div className="forecast-setup-actions">
            <button type="submit" className="btn btn-primary">
              Fit models
            </button>{' '}
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDraft(null);
                setCalibration('default');
              }}
            >
              Use the default
            </button>
          </div>
        </form>
      )}
      {(state.status === 'loading' || state.status === 'fitting') && set !== undefined && (
        <p role="status">
          {state.status === 'fitting' ? 'Fitting the models in the background…' : 'Loading…'}
        </p>
      )}
      {state.status === 'failed' && <p role="alert">The fit failed: {state.message}</p>}
      {report !== null && !report.ok && (
        <p role="alert">
          The models could not be fitted
          {report.calibrationEnd === null ? '' : ` up to ${report.calibrationEnd}`}:{' '}
          {report.message}.
        </p>
      )}
      {report !== null && report.ok && (
        <>
          <section className="forecast-section" aria-labelledby="clv-fit-heading">
            <h2 id="clv-fit-heading">Fit on the calibration period</h2>
            <p>
              Fitted by maximum likelihood to the purchases of {formatNumber(report.customers)}{' '}
              customers ({formatNumber(report.repeatBuyers)} bought again) up to{' '}
              <strong>{report.calibrationEnd}</strong>
              {report.holdout === null
                ? ', the last purchase day: nothing is held out to check the fit.'
                : `; ${report.lastPurchase} is the last purchase day.`}
              {state.status === 'done' && state.cached && ' (Read from the saved fit.)'}
            </p>
            <ClvParameters report={report} />
          </section>
          {report.holdout !== null && (
            <section className="forecast-section" aria-labelledby="clv-holdout-heading">
              <h2 id="clv-holdout-heading">Check on the holdout</h2>
              <HoldoutCharts check={report.holdout} />
            </section>
          )}
        </>
      )}
    </section>
  );
}
