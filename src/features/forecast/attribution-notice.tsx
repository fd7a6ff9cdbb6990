import { FormattedMessage } from 'react-intl';
import { useState, type ReactNode } from 'react';
import { getJourney, saveJourney } from '../../storage/journey-documents.ts';
import type { VariantView } from './forecast-model.ts';

/** The share held out when a control group is added with one click. */
export const DEFAULT_CONTROL_PERCENT = 10;

/**
 * Says how conversions are credited. Without a control group, revenue and return on spend
 * count every conversion, including people who would have bought anyway; one click adds a
 * control group to the journey (then run the forecast again). With one, the uplift leads.
 */
export function AttributionNotice({
  view,
  journeyId,
  onControlAdded,
}: {
  view: VariantView;
  journeyId: string;
  onControlAdded?: () => void;
}) {
  const [state, setState] = useState<'idle' | 'saving' | 'added' | 'failed'>('idle');
  if (!view.kpis.some((k) => k.key === 'conversionRate')) return null;
  if (view.hasControl) {
    return (
      <p className="attribution-note">
        <FormattedMessage id="forecast.attribution-notice.measuredAgainstAControlGroup" />
      </p>
    );
  }
  async function addControl() {
    setState('saving');
    try {
      const document = await getJourney(journeyId);
      if (document === undefined) throw new Error('The journey no longer exists.');
      await saveJourney({
        ...document,
        settings: { ...document.settings, controlGroupPercent: DEFAULT_CONTROL_PERCENT },
      });
      setState('added');
      onControlAdded?.();
    } catch {
      setState('failed');
    }
  }
  return (
    <div className="attribution-note attribution-note--warning" role="note">
      <p>
        <FormattedMessage
          id="forecast.attribution-notice.noControlGroupOverstates"
          values={{
            journey: view.name,
            strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
          }}
        />
      </p>
      {state === 'added' ? (
        <p role="status">
          <FormattedMessage
            id="forecast.attribution-notice.controlGroupWasAdded"
            values={{ share: DEFAULT_CONTROL_PERCENT / 100 }}
          />
        </p>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={state === 'saving'}
          onClick={() => void addControl()}
        >
          <FormattedMessage
            id="forecast.attribution-notice.addControlGroup"
            values={{ share: DEFAULT_CONTROL_PERCENT / 100 }}
          />
        </button>
      )}
      {state === 'failed' && (
        <p role="alert">
          <FormattedMessage id="forecast.attribution-notice.theControlGroupCouldNot" />
        </p>
      )}
    </div>
  );
}
