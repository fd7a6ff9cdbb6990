import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { withPublishMessages } from '../../i18n/with-publish-messages.tsx';
import { ChangeSummary } from './change-summary.tsx';
import { isEmptyDiff } from './spec-diff.ts';
import type { VersionComparison } from './version-comparison.ts';
import './publish.css';

/**
 * "Comparing version 1 with Draft — Stop comparing", over the canvas, with what changed listed
 * beside it: removed steps are not on the newer canvas, and settings are not steps. Escape stops.
 */
function Banner({ comparison, onStop }: { comparison: VersionComparison; onStop(): void }) {
  const intl = useIntl();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onStop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStop]);
  const to =
    comparison.to === 'draft'
      ? intl.formatMessage({ id: 'publish.versions-list.draft' })
      : intl.formatMessage({ id: 'publish.compare.versionOption' }, { version: comparison.to });
  return (
    <section
      className="publish-compare-banner"
      aria-label={intl.formatMessage({ id: 'publish.compare.title' })}
    >
      <p role="status">
        <strong>
          <FormattedMessage id="publish.compare.comparing" values={{ from: comparison.from, to }} />
        </strong>{' '}
        <button type="button" className="btn btn-sm" onClick={onStop}>
          <FormattedMessage id="publish.compare.stop" />
        </button>
      </p>
      {comparison.to !== 'draft' && !isEmptyDiff(comparison.diff) && (
        <p className="muted">
          <FormattedMessage id="publish.compare.notOnCanvas" />
        </p>
      )}
      <ChangeSummary diff={comparison.diff} since={comparison.from} />
    </section>
  );
}

export const CompareBanner = withPublishMessages(Banner);
