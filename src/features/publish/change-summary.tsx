import { FormattedMessage, useIntl } from 'react-intl';
import { stepKindLabel } from '../../i18n/step-words.ts';
import type { SpecDiff, StepRef } from './spec-diff.ts';
import { isEmptyDiff } from './spec-diff.ts';

function StepList({
  title,
  steps,
}: {
  title: string;
  steps: readonly (StepRef & { fields?: string[] })[];
}) {
  const intl = useIntl();
  if (steps.length === 0) return null;
  return (
    <section className="publish-changes__group">
      <h3>
        {title} ({steps.length})
      </h3>
      <ul aria-label={title}>
        {steps.map((s) => (
          <li key={s.id}>
            <strong>{s.label || s.id}</strong>{' '}
            <span className="muted">{stepKindLabel(intl, s.kind)}</span>
            {s.fields !== undefined && s.fields.length > 0 && (
              <span className="muted"> · {s.fields.join(', ')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NameList({ title, names }: { title: string; names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <section className="publish-changes__group">
      <h3>{title}</h3>
      <ul aria-label={title}>
        {names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}

/** What publishing changes since the last published version. */
export function ChangeSummary({ diff, since }: { diff: SpecDiff; since: number | null }) {
  const intl = useIntl();
  if (since !== null && isEmptyDiff(diff)) {
    return (
      <p>
        <FormattedMessage
          id="publish.change-summary.nothingChangedSince"
          values={{ version: since }}
        />
      </p>
    );
  }
  return (
    <div className="publish-changes">
      <p className="muted">
        {since === null ? (
          <FormattedMessage id="publish.change-summary.firstVersion" />
        ) : (
          <FormattedMessage id="publish.change-summary.changesSince" values={{ since }} />
        )}
      </p>
      <StepList
        title={intl.formatMessage({ id: 'publish.change-summary.stepsAdded' })}
        steps={diff.added}
      />
      <StepList
        title={intl.formatMessage({ id: 'publish.change-summary.stepsRemoved' })}
        steps={diff.removed}
      />
      <StepList
        title={intl.formatMessage({ id: 'publish.change-summary.stepsChanged' })}
        steps={diff.changed}
      />
      <NameList
        title={intl.formatMessage({ id: 'publish.change-summary.settingsChanged' })}
        names={diff.settingsChanged}
      />
      <NameList
        title={intl.formatMessage({ id: 'publish.change-summary.journeyChanged' })}
        names={diff.journeyChanged}
      />
    </div>
  );
}
