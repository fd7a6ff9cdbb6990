import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { VersionDrift } from '../../domain/live/version-drift.ts';

/** A step of the published version the draft no longer has, with its counts. */
export interface RemovedStep {
  id: string;
  label: string;
  entered: number;
  waiting: number;
}

/**
 * Says whose counts these are: always a named published version, when it was published and how
 * fresh the counts are; whether the draft on the canvas differs from it; and the counts of the
 * version's steps the draft removed, listed apart since the canvas has nowhere to draw them.
 */
export function VersionBanner({
  version,
  publishedAt,
  asOf,
  drift,
  removed,
}: {
  version: number;
  publishedAt: string;
  asOf: string | null;
  drift: VersionDrift | null;
  removed: readonly RemovedStep[];
}) {
  const intl = useIntl();
  // Day and time apart, so a language can join them its own way ("le 6 déc. 2026 à 08:30").
  const day = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  const time = (iso: string) => intl.formatTime(iso, { timeStyle: 'short', timeZone: 'UTC' });
  const published = { version, publishedDay: day(publishedAt), publishedTime: time(publishedAt) };
  return (
    <div
      className="live-banner"
      role="group"
      aria-label={intl.formatMessage({ id: 'live.banner.label' })}
    >
      <p className="live-banner__version">
        {asOf === null ? (
          <FormattedMessage id="live.banner.version" values={published} />
        ) : (
          <FormattedMessage
            id="live.banner.versionAsOf"
            values={{
              ...published,
              asOfDay: day(asOf),
              asOfTime: time(asOf),
              muted: (chunks: ReactNode[]) => <span className="live-banner__as-of">{chunks}</span>,
            }}
          />
        )}
      </p>
      {drift?.differs === true && (
        <p className="live-banner__drift" role="note">
          <FormattedMessage id="live.banner.draftDiffers" values={{ version }} />
          {drift.addedStepIds.length > 0 && (
            <span className="live-banner__added">
              <FormattedMessage
                id="live.banner.added"
                values={{ count: drift.addedStepIds.length }}
              />
            </span>
          )}
        </p>
      )}
      {removed.length > 0 && (
        <details className="live-banner__removed" open>
          <summary>
            <FormattedMessage
              id="live.banner.removed"
              values={{ count: removed.length, version }}
            />
          </summary>
          <ul aria-label={intl.formatMessage({ id: 'live.banner.removedList' }, { version })}>
            {removed.map((step) => (
              <li key={step.id}>
                <FormattedMessage
                  id="live.banner.removedStep"
                  values={{
                    label: step.label,
                    entered: step.entered,
                    waiting: step.waiting,
                  }}
                />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
