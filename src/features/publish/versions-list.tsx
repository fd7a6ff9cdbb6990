import type { PublishedVersion } from '../../api/contract.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The draft, then the immutable published versions, newest first, each with hash and time. */
export function VersionsList({
  versions,
  liveVersion,
  draftChanged,
}: {
  versions: readonly PublishedVersion[];
  liveVersion?: number | null;
  /** Whether the draft differs from the newest version. */
  draftChanged: boolean;
}) {
  return (
    <ul className="publish-versions" aria-label="Versions">
      <li>
        <strong>Draft</strong>{' '}
        <span className="muted">
          {versions.length === 0
            ? 'never published'
            : draftChanged
              ? 'unpublished changes'
              : 'same as the newest version'}
        </span>
      </li>
      {[...versions].reverse().map((v) => (
        <li key={v.version}>
          <strong>Version {v.version}</strong>
          {v.version === liveVersion && <span className="badge badge-ok">live</span>}{' '}
          <code title="Spec hash">{v.specHash}</code>{' '}
          <time className="muted" dateTime={v.publishedAt}>
            {when(v.publishedAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
