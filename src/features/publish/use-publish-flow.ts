import { useMemo, useRef, useState } from 'react';
import { ApiHttpError, NetworkError } from '../../api/api-errors.ts';
import { errorToDiagnostics } from '../../api/backend-diagnostics.ts';
import type { PublishedVersion } from '../../api/contract.ts';
import { useVersion } from '../../api/get-version.ts';
import { useVersions } from '../../api/list-versions.ts';
import { newIdempotencyKey, usePublishVersion } from '../../api/publish-version.ts';
import type { Diagnostic, JourneyDocument } from '../../domain/index.ts';
import { rememberPublishedVersion } from './published-versions.ts';
import { diffSpecs } from './spec-diff.ts';
import { hasUnpublishedChanges, specForVersion } from './unpublished-changes.ts';

export interface PublishFlowOptions {
  document: JourneyDocument;
  onBackendErrors?: (diagnostics: Diagnostic[]) => void;
  onPublished?: (version: PublishedVersion) => void;
}

/** Errors the user may retry by hand, under the same idempotency key. */
export function canRetryByHand(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiHttpError && (error.status >= 500 || error.status === 429);
}

/**
 * The publish dialog's state: the versions on the backend, the spec the draft would publish, what
 * changed, and the publish itself. One idempotency key per publish the user asks for, kept for
 * every retry until the backend answers for sure.
 */
export function usePublishFlow({ document, onBackendErrors, onPublished }: PublishFlowOptions) {
  const versions = useVersions(document.id);
  const latest = versions.data?.at(-1);
  const latestDetail = useVersion(document.id, latest?.version);
  const nextVersion = (latest?.version ?? 0) + 1;
  const draft = useMemo(
    () => (versions.data === undefined ? null : specForVersion(document, nextVersion)),
    [document, nextVersion, versions.data],
  );
  const previousSpec = latest === undefined ? null : latestDetail.data?.spec;
  const diff = useMemo(
    () =>
      draft === null || previousSpec === undefined ? null : diffSpecs(previousSpec, draft.spec),
    [draft, previousSpec],
  );
  const unchanged = latest !== undefined && !hasUnpublishedChanges(document, latest);

  const [attempt, setAttempt] = useState<{ n: number; of: number } | null>(null);
  const key = useRef<string | null>(null);
  const mutation = usePublishVersion({
    onAttempt: (n, of) => setAttempt({ n, of }),
    onSuccess: async (published, input) => {
      key.current = null;
      await rememberPublishedVersion(published, input.spec);
      onPublished?.(published);
    },
    onError: (error) => {
      // A definite refusal: the next publish is a new request with a new key.
      if (!canRetryByHand(error)) key.current = null;
      const diagnostics = errorToDiagnostics(error);
      if (diagnostics.length > 0) onBackendErrors?.(diagnostics);
    },
  });

  const publish = () => {
    if (draft === null) return;
    key.current ??= newIdempotencyKey();
    mutation.mutate({ journeyId: document.id, spec: draft.spec, idempotencyKey: key.current });
  };

  return {
    versions,
    latestDetail,
    latest,
    nextVersion,
    draft,
    diff,
    unchanged,
    attempt,
    mutation,
    publish,
  };
}
