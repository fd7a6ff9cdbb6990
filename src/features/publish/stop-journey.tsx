import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useJourneyStatus } from '../../api/get-status.ts';
import { useStopJourney } from '../../api/stop-journey.ts';
import { displayName } from '../../domain/text/safe-text.ts';
import { dateFormat } from '../../i18n/format-locale.ts';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { apiErrorText } from './api-error-words.ts';

export interface StopJourneyProps {
  journeyId: string;
  journeyName: string;
}

/**
 * "Stop journey" beside publishing, for a live journey: after a confirmation, no one new enters
 * and everyone inside leaves where they are, getting nothing more (Braze's "stop Canvas"). A
 * stopped journey says since when; publishing a new version starts it again.
 */
export function StopJourney({ journeyId, journeyName }: StopJourneyProps) {
  const intl = useIntl();
  const status = useJourneyStatus(journeyId);
  const stop = useStopJourney();
  const [confirming, setConfirming] = useState(false);
  const current = status.data;
  if (current === undefined) return null;

  if (current.state === 'stopped') {
    const at =
      current.stoppedAt === null || current.stoppedAt === undefined
        ? null
        : Date.parse(current.stoppedAt);
    return (
      <p role="status" className="publish-notice">
        {at === null ? (
          <FormattedMessage id="publish.stop-journey.stopped" />
        ) : (
          <FormattedMessage
            id="publish.stop-journey.stoppedOn"
            values={{
              day: dateFormat({ dateStyle: 'medium' }).format(at),
              time: dateFormat({ timeStyle: 'short' }).format(at),
            }}
          />
        )}
      </p>
    );
  }
  if (current.state !== 'live') return null;

  return (
    <div className="publish-stop">
      <button
        type="button"
        className="btn btn-sm"
        disabled={stop.isPending}
        onClick={() => setConfirming(true)}
      >
        <FormattedMessage id="publish.stop-journey.stopJourney" />
      </button>
      {stop.isPending && (
        <span role="status">
          <FormattedMessage id="publish.stop-journey.stopping" />
        </span>
      )}
      {stop.isError && (
        <p role="alert" className="publish-notice publish-notice--error">
          {intl.formatMessage(
            { id: 'publish.stop-journey.failed' },
            { cause: apiErrorText(intl, stop.error) },
          )}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={intl.formatMessage(
          { id: 'publish.stop-journey.confirmTitle' },
          { journey: displayName(journeyName) },
        )}
        description={
          <FormattedMessage
            id="publish.stop-journey.confirmBody"
            values={{ active: current.activeProfiles }}
          />
        }
        confirmLabel={intl.formatMessage({ id: 'publish.stop-journey.stopJourney' })}
        danger
        onConfirm={() => stop.mutate(journeyId)}
      />
    </div>
  );
}
