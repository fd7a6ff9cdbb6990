import { useEffect, useMemo, useState } from 'react';
import { ApiHttpError, NetworkError, RequestTimeoutError } from '../../api/api-errors.ts';
import { detailsToDiagnostics, errorToDiagnostics } from '../../api/backend-diagnostics.ts';
import type { PublishedVersion } from '../../api/contract.ts';
import { useVersion } from '../../api/get-version.ts';
import { useVersions } from '../../api/list-versions.ts';
import { newIdempotencyKey, usePublishVersion } from '../../api/publish-version.ts';
import type { Diagnostic, JourneyDocument } from '../../domain/index.ts';
import {
  forgetPendingPublish,
  keepPendingPublish,
  type PendingPublish,
  readPendingPublish,
} from './pending-publish.ts';
import { rememberPublishedVersion } from './published-versions.ts';
import { diffSpecs } from './spec-diff.ts';
import { hasUnpublishedChanges, specForVersion } from './unpublished-changes.ts';

export interface PublishFlowOptions {
  document: JourneyDocument;
  /**
   * What the backend found, as diagnostics on their steps: the errors it refused a publish for,
   * or the warnings it accepted one with (none after a clean publish, which clears the errors).
   */
  onBackendDiagnostics?: (diagnostics: Diagnostic[]) => void;
  onPublished?: (version: PublishedVersion) => void;
}

/** Errors the user may retry by hand, under the same idempotency key. */
export function canRetryByHand(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof RequestTimeoutError) return true;
  return error instanceof ApiHttpError && (error.status >= 500 || error.status === 429);
}

/**
 * The publish dialog's state: the versions on the backend, the spec the draft would publish, what
 * changed, and the publish itself. One idempotency key per publish the user asks for, kept in
 * storage for every retry (after Cancel or a reload too) until the backend answers for sure or
 * the user abandons it.
 */
export function usePublishFlow({
  document,
  onBackendDiagnostics,
  onPublished,
}: PublishFlowOptions) {
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
  const [pending, setPending] = useState<PendingPublish | undefined>(() =>
    readPendingPublish(document.id),
  );
  const forget = () => {
    forgetPendingPublish(document.id);
    setPending(undefined);
  };
  const mutation = usePublishVersion({
    onAttempt: (n, of) => setAttempt({ n, of }),
    onSuccess: async (published, input) => {
      forgetPendingPublish(input.journeyId);
      setPending(undefined);
      // Every time, even with no warning: the empty list clears the errors a refused publish
      // put on the canvas.
      onBackendDiagnostics?.(detailsToDiagnostics(published.warnings ?? [], 'warning'));
      await rememberPublishedVersion(published, input.spec);
      onPublished?.(published);
    },
    onError: (error, input) => {
      // A definite refusal: the next publish is a new request with a new key.
      if (!canRetryByHand(error)) {
        forgetPendingPublish(input.journeyId);
        setPending(undefined);
      }
      const diagnostics = errorToDiagnostics(error);
      if (diagnostics.length > 0) onBackendDiagnostics?.(diagnostics);
    },
  });

  const answer = mutation.data;
  const warnings = useMemo(() => detailsToDiagnostics(answer?.warnings ?? [], 'warning'), [answer]);

  // A pending publish the backend now lists went through after all: nothing is pending.
  const landed =
    pending !== undefined && versions.data?.some((v) => v.specHash === pending.specHash);
  useEffect(() => {
    if (landed) {
      forgetPendingPublish(document.id);
      setPending(undefined);
    }
  }, [landed, document.id]);

  const publish = () => {
    if (draft === null) return;
    const same = pending?.specHash === draft.specHash && pending.version === nextVersion;
    const next: PendingPublish = same
      ? pending
      : {
          key: newIdempotencyKey(),
          specHash: draft.specHash,
          version: nextVersion,
          startedAt: new Date().toISOString(),
        };
    // Stored before the request goes out, so a reload mid-request still has the key.
    keepPendingPublish(document.id, next);
    setPending(next);
    mutation.mutate({ journeyId: document.id, spec: draft.spec, idempotencyKey: next.key });
  };

  /** The user gives up on the pending publish: the next one is a new request. */
  const abandon = () => {
    forget();
    mutation.reset();
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
    /** What the backend warned of when it published the draft. */
    warnings,
    publish,
    /** A publish with no definite answer yet, for this draft, whose key a retry reuses. */
    pending: pending !== undefined && pending.specHash === draft?.specHash ? pending : undefined,
    abandon,
  };
}
