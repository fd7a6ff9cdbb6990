import { FormattedMessage, useIntl } from 'react-intl';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CalibrationChoice } from '../../../domain/forecast/clv-fit-report.ts';
import { FormField } from '../../../ui/form-field.tsx';
import { formatDay } from '../../../ui/kpi/format-day.ts';
import { ProfileSetOptions } from '../profile-set-options.tsx';
import { useForecastSources } from '../use-forecast-sources.ts';
import { ClvParameters } from './clv-parameters.tsx';
import { HoldoutCharts } from './holdout-charts.tsx';
import { useClvReport } from './use-clv-report.ts';
import { clvFailureValues } from './clv-wording.ts';
import { failureCause } from '../../../i18n/failure-words.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import '../forecast.css';

/**
 * Customer value as the literature checks it: BG/NBD and Gamma-Gamma fitted on a calibration
 * period (by default the first two thirds of the purchase history), parameters with their
 * log-likelihood and warnings, and the fit checked against the held-out rest.
 */
export function CustomerValuePage() {
  const intl = useIntl();
  const id = useId();
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
      <PageHeader
        title={<FormattedMessage id="forecast.customer-value-page.customerValue" />}
        subtitle={<FormattedMessage id="forecast.customer-value-page.purchaseBgNbdAndSpend" />}
      />
      {sets === undefined ? (
        <p role="status">
          <FormattedMessage id="forecast.customer-value-page.loadingProfileSets" />
        </p>
      ) : sets.length === 0 ? (
        <p>
          <FormattedMessage id="forecast.customer-value-page.customerValueNeedsAProfile" />
        </p>
      ) : (
        <form
          className="forecast-setup card"
          aria-label={intl.formatMessage({ id: 'forecast.customer-value-page.customerValueSetup' })}
          onSubmit={submit}
        >
          <FormField
            id={`${id}-set`}
            label={<FormattedMessage id="forecast.customer-value-page.profileSet" />}
          >
            <select
              id={`${id}-set`}
              value={setId ?? ''}
              title={sets.find((s) => s.id === setId)?.name}
              onChange={(e) => {
                setChosenSet(e.target.value);
                setDraft(null);
                setCalibration('default');
              }}
            >
              <ProfileSetOptions sets={sets} />
            </select>
          </FormField>
          <FormField
            id={`${id}-calibration`}
            label={<FormattedMessage id="forecast.customer-value-page.calibrationEnd" />}
            hint={
              <FormattedMessage id="forecast.customer-value-page.theModelsLearnFromPurchases" />
            }
          >
            <input
              id={`${id}-calibration`}
              type="date"
              value={draft ?? resolved}
              onChange={(e) => setDraft(e.target.value)}
            />
          </FormField>
          <div className="forecast-setup-actions">
            <button type="submit" className="btn btn-primary">
              <FormattedMessage id="forecast.customer-value-page.fitModels" />
            </button>{' '}
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDraft(null);
                setCalibration('default');
              }}
            >
              <FormattedMessage id="forecast.customer-value-page.useTheDefault" />
            </button>
          </div>
        </form>
      )}
      {(state.status === 'loading' || state.status === 'fitting') && set !== undefined && (
        <p role="status">
          {state.status === 'fitting'
            ? intl.formatMessage({ id: 'forecast.customer-value-page.fittingTheModelsInThe' })
            : intl.formatMessage({ id: 'forecast.customer-value-page.loading' })}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert">
          <FormattedMessage
            id="forecast.customer-value-page.theFitFailed"
            values={{ cause: failureCause(intl, state.reason) }}
          />
        </p>
      )}
      {report !== null && !report.ok && (
        <p role="alert">
          <FormattedMessage
            id="forecast.customer-value-page.theModelsCouldNotBe"
            values={{
              ...clvFailureValues(intl, report),
            }}
          />
        </p>
      )}
      {report !== null && report.ok && (
        <>
          <section className="forecast-section" aria-labelledby="clv-fit-heading">
            <h2 id="clv-fit-heading">
              <FormattedMessage id="forecast.customer-value-page.fitOnTheCalibrationPeriod" />
            </h2>
            <p>
              <FormattedMessage
                id="forecast.customer-value-page.fittedUpTo"
                values={{
                  customers: report.customers,
                  repeatBuyers: report.repeatBuyers,
                  calibrationEnd: formatDay(report.calibrationEnd),
                  holdout: report.holdout === null ? 'none' : 'kept',
                  lastPurchase: formatDay(report.lastPurchase),
                  strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
                }}
              />
              {state.status === 'done' && state.cached && (
                <>
                  {' '}
                  <FormattedMessage id="forecast.customer-value-page.readFromTheSavedFit" />
                </>
              )}
            </p>
            <ClvParameters report={report} />
          </section>
          {report.holdout !== null && (
            <section className="forecast-section" aria-labelledby="clv-holdout-heading">
              <h2 id="clv-holdout-heading">
                <FormattedMessage id="forecast.customer-value-page.checkOnTheHoldout" />
              </h2>
              <HoldoutCharts check={report.holdout} />
            </section>
          )}
        </>
      )}
    </section>
  );
}
