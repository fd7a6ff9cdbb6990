import type { SpecDiff, StepRef } from './spec-diff.ts';
import { isEmptyDiff } from './spec-diff.ts';

function StepList({
  title,
  steps,
}: {
  title: string;
  steps: readonly (StepRef & { fields?: string[] })[];
}) {
  if (steps.length === 0) return null;
  return (
    <section className="publish-changes__group">
      <h3>
        {title} ({steps.length})
      </h3>
      <ul aria-label={title}>
        {steps.map((s) => (
          <li key={s.id}>
            <strong>{s.label || s.id}</strong> <span className="muted">{s.kind}</span>
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
  if (since !== null && isEmptyDiff(diff)) {
    return <p>Nothing changed since version {since}.</p>;
  }
  return (
    <div className="publish-changes">
      <p className="muted">
        {since === null ? 'First version: every step is new.' : `Changes since version ${since}:`}
      </p>
      <StepList title="Steps added" steps={diff.added} />
      <StepList title="Steps removed" steps={diff.removed} />
      <StepList title="Steps changed" steps={diff.changed} />
      <NameList title="Settings changed" names={diff.settingsChanged} />
      <NameList title="Journey changed" names={diff.journeyChanged} />
    </div>
  );
}
