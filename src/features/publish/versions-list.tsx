import { FormattedMessage, useIntl } from 'react-intl';
import type { PublishedVersion } from '../../api/contract.ts';
import type { JourneyDocument } from '../../domain/index.ts';
import { dateFormat } from '../../i18n/format-locale.ts';
import { CompareVersionsForm } from './compare-versions-form.tsx';
import type { VersionComparison } from './version-comparison.ts';

const when = (iso: string) =>
  dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));

/** The draft, then the immutable published versions, newest first, each with hash and time. */
export function VersionsList({
  versions,
  liveVersion,
  draftChanged,
  compare,
}: {
  versions: readonly PublishedVersion[];
  liveVersion?: number | null;
  /** Whether the draft differs from the newest version. */
  draftChanged: boolean;
  /** Offers comparing two versions (or one and the draft) on the canvas. */
  compare?: { document: JourneyDocument; onCompare(comparison: VersionComparison): void };
}) {
  const intl = useIntl();
  return (
    <>
      <ul
        className="publish-versions"
        aria-label={intl.formatMessage({ id: 'publish.versions-list.versions' })}
      >
        <li>
          <strong>
            <FormattedMessage id="publish.versions-list.draft" />
          </strong>{' '}
          <span className="muted">
            {versions.length === 0 ? (
              <FormattedMessage id="publish.versions-list.neverPublished" />
            ) : draftChanged ? (
              <FormattedMessage id="journeys.publish.unpublishedChanges" />
            ) : (
              <FormattedMessage id="publish.versions-list.sameAsNewest" />
            )}
          </span>
        </li>
        {[...versions].reverse().map((v) => (
          <li key={v.version}>
            <strong>
              <FormattedMessage
                id="publish.versions-list.versionN"
                values={{ version: v.version }}
              />
            </strong>
            {v.version === liveVersion && (
              <span className="badge badge-ok">
                <FormattedMessage id="publish.versions-list.live" />
              </span>
            )}{' '}
            <code title={intl.formatMessage({ id: 'publish.versions-list.specHash' })}>
              {v.specHash}
            </code>{' '}
            <time className="muted" dateTime={v.publishedAt}>
              {when(v.publishedAt)}
            </time>
          </li>
        ))}
      </ul>
      {compare !== undefined && versions.length > 0 && (
        <CompareVersionsForm
          document={compare.document}
          versions={versions}
          onCompare={compare.onCompare}
        />
      )}
    </>
  );
}
