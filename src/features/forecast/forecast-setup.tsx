import { FormattedMessage, useIntl } from 'react-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { StoredJourneySummary } from '../../storage/journey-documents.ts';
import type { ProfileSet } from '../../storage/records.ts';
import { FormField } from '../../ui/form-field.tsx';
import { ProfileSetOptions } from './profile-set-options.tsx';

/** What the user chose to forecast. */
export interface ForecastChoice {
  journeyA: string;
  /** Empty: forecast A alone. */
  journeyB: string;
  setId: string;
  replications: number;
  /** Relative half-width for early stopping (0.02 = ±2%), or null to run every replication. */
  stopWithin: number | null;
}

/** The form: journeys (one, or two to compare), a profile set, replications and early stop. */
export function ForecastSetup({
  journeys,
  sets,
  running,
  onRun,
  onSetChosen,
  onChoiceReady,
}: {
  journeys: readonly StoredJourneySummary[];
  sets: readonly ProfileSet[];
  running: boolean;
  onRun: (choice: ForecastChoice) => void;
  /** The profile set chosen (at first, and at every change), before any run. */
  onSetChosen?: (setId: string) => void;
  /**
   * The set and the journeys chosen (at first, and at every change), before any run; returns
   * what undoes work it started for that choice, called at the next change.
   */
  onChoiceReady?: (setId: string, journeyIds: readonly string[]) => (() => void) | undefined;
}) {
  const intl = useIntl();
  const id = useId();
  const [journeyA, setA] = useState(journeys[0]?.id ?? '');
  const [journeyB, setB] = useState('');
  const [setId, setSet] = useState(sets[0]?.id ?? '');
  const [replications, setReplications] = useState(20);
  const [stopEarly, setStopEarly] = useState(false);
  const [within, setWithin] = useState(2);
  const a = journeyA || journeys[0]?.id || '';
  const set = setId || sets[0]?.id || '';
  useEffect(() => {
    if (set !== '') onSetChosen?.(set);
  }, [set, onSetChosen]);
  useEffect(() => {
    if (set === '' || a === '') return undefined;
    return onChoiceReady?.(set, journeyB === '' ? [a] : [a, journeyB]);
  }, [set, a, journeyB, onChoiceReady]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun({
      journeyA: a,
      journeyB,
      setId: set,
      replications,
      stopWithin: stopEarly ? within / 100 : null,
    });
  };
  return (
    <form
      className="forecast-setup card"
      onSubmit={submit}
      aria-label={intl.formatMessage({ id: 'forecast.forecast-setup.forecastSetup' })}
    >
      <FormField id={`${id}-a`} label={<FormattedMessage id="forecast.forecast-setup.journeyA" />}>
        <select id={`${id}-a`} value={a} onChange={(e) => setA(e.target.value)} required>
          <JourneyOptions journeys={journeys} />
        </select>
      </FormField>
      <FormField
        id={`${id}-b`}
        label={<FormattedMessage id="forecast.forecast-setup.compareWithB" />}
      >
        <select id={`${id}-b`} value={journeyB} onChange={(e) => setB(e.target.value)}>
          <option value="">
            <FormattedMessage id="forecast.forecast-setup.nothingForecastAAlone" />
          </option>
          <JourneyOptions journeys={journeys} />
        </select>
      </FormField>
      <FormField
        id={`${id}-set`}
        label={<FormattedMessage id="forecast.forecast-setup.profileSet" />}
      >
        <select
          id={`${id}-set`}
          value={set}
          title={sets.find((s) => s.id === set)?.name}
          onChange={(e) => setSet(e.target.value)}
          required
        >
          <ProfileSetOptions sets={sets} />
        </select>
      </FormField>
      <FormField
        id={`${id}-replications`}
        label={<FormattedMessage id="forecast.forecast-setup.replications" />}
        hint={<FormattedMessage id="forecast.forecast-setup.eachReplicationRerunsTheJourney" />}
      >
        <input
          id={`${id}-replications`}
          type="number"
          min={2}
          max={200}
          value={replications}
          onChange={(e) =>
            setReplications(Math.max(2, Math.min(200, Math.round(Number(e.target.value) || 2))))
          }
        />
      </FormField>
      <div className="field field-wide">
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={stopEarly}
            onChange={(e) => setStopEarly(e.target.checked)}
          />{' '}
          <FormattedMessage id="forecast.forecast-setup.stopWhenIntervalsAreWithin" />
          <input
            type="number"
            className="narrow-input"
            aria-label={intl.formatMessage({
              id: 'forecast.forecast-setup.intervalHalfWidthPercentOf',
            })}
            min={0.1}
            max={50}
            step={0.1}
            value={within}
            disabled={!stopEarly}
            onChange={(e) => setWithin(Number(e.target.value) || 2)}
          />
          %
        </label>
        <span className="field-hint">
          <FormattedMessage id="forecast.forecast-setup.afterAtLeast5Replications" />
        </span>
      </div>
      <div className="forecast-setup-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={running || a === '' || set === ''}
        >
          <FormattedMessage id="forecast.forecast-setup.runForecast" />
        </button>
      </div>
    </form>
  );
}

function JourneyOptions({ journeys }: { journeys: readonly StoredJourneySummary[] }) {
  return journeys.map((j) => (
    <option key={j.id} value={j.id}>
      {j.name}
    </option>
  ));
}
