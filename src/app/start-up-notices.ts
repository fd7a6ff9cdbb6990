import { useSyncExternalStore } from 'react';
import type { FailureReason } from '../domain/failure/failure-reason.ts';

/** Something that went wrong while the app started, which the user should know about. */
export type StartUpNotice =
  /** The browser refused the mock backend's service worker: `/api` will not answer. */
  | { kind: 'mockBackendFailed' }
  /** The first start's demo journeys and profiles could not be stored, and why. */
  | { kind: 'demoNotStored'; reason: FailureReason }
  /** The reader's language did not load: the app started in English. */
  | { kind: 'languageNotLoaded' };

let notices: readonly StartUpNotice[] = [];
const listeners = new Set<() => void>();

/** Shows a notice in the app's notices (one of each kind: a newer one replaces it). */
export function showStartUpNotice(notice: StartUpNotice): void {
  notices = [...notices.filter((n) => n.kind !== notice.kind), notice];
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The start-up notices shown now; the layout draws them, whenever they were raised. */
export function useStartUpNotices(): readonly StartUpNotice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
