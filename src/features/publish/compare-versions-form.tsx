import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { apiErrorText } from './api-error-words.ts';
import { useApiClient } from '../../api/backend-settings.ts';
import type { PublishedVersion } from '../../api/contract.ts';
import { getVersionQueryOptions } from '../../api/get-version.ts';
import type { JourneyDocument, Spec } from '../../domain/index.ts';
import { specForVersion } from '../../editor/spec-for-version.ts';
import { diffSpecs } from './spec-diff.ts';
import { orderSides, type CompareSide, type VersionComparison } from './version-comparison.ts';

const parseSide = (value: string): CompareSide => (value === 'draft' ? 'draft' : Number(value));

/** "Compare [version] with [version or Draft]": fetches both specs and hands their diff on. */
export function CompareVersionsForm({
  document,
  versions,
  onCompare,
}: {
  document: JourneyDocument;
  /** Published versions, oldest first (at least one). */
  versions: readonly PublishedVersion[];
  onCompare(comparison: VersionComparison): void;
}) {
  const intl = useIntl();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const id = useId();
  const newest = versions[versions.length - 1]?.version ?? 1;
  const [from, setFrom] = useState<string>(String(newest));
  const [to, setTo] = useState<string>('draft');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sides = orderSides(parseSide(from), parseSide(to));

  const specOf = async (side: CompareSide, olderVersion: number): Promise<Spec | null> => {
    if (side === 'draft') return specForVersion(document, olderVersion)?.spec ?? null;
    const detail = await queryClient.fetchQuery(getVersionQueryOptions(client, document.id, side));
    return detail.spec;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sides === null) return;
    const [older, newer] = sides;
    setBusy(true);
    setError(null);
    try {
      const [olderSpec, newerSpec] = await Promise.all([
        specOf(older, older),
        specOf(newer, older),
      ]);
      if (olderSpec === null || newerSpec === null) {
        setError(intl.formatMessage({ id: 'publish.compare.draftHasErrors' }));
        return;
      }
      onCompare({ from: older, to: newer, diff: diffSpecs(olderSpec, newerSpec) });
    } catch (failure) {
      setError(apiErrorText(intl, failure));
    } finally {
      setBusy(false);
    }
  };

  const options = (
    <>
      {[...versions].reverse().map((v) => (
        <option key={v.version} value={String(v.version)}>
          {intl.formatMessage({ id: 'publish.compare.versionOption' }, { version: v.version })}
        </option>
      ))}
      <option value="draft">{intl.formatMessage({ id: 'publish.versions-list.draft' })}</option>
    </>
  );
  return (
    <form
      className="publish-compare"
      aria-label={intl.formatMessage({ id: 'publish.compare.title' })}
      onSubmit={(event) => void submit(event)}
    >
      <label htmlFor={`${id}-from`}>
        <FormattedMessage id="publish.compare.compare" />
      </label>{' '}
      <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
        {options}
      </select>{' '}
      <label htmlFor={`${id}-to`}>
        <FormattedMessage id="publish.compare.with" />
      </label>{' '}
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
        {options}
      </select>{' '}
      <button type="submit" className="btn btn-sm" disabled={sides === null || busy}>
        <FormattedMessage id="publish.compare.show" />
      </button>
      {sides === null && (
        <p className="field-hint">
          <FormattedMessage id="publish.compare.pickTwo" />
        </p>
      )}
      {error !== null && (
        <p role="alert" className="publish-notice publish-notice--error">
          {error}
        </p>
      )}
    </form>
  );
}
