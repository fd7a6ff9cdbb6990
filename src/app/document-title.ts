import { useEffect, useSyncExternalStore } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { useLocation, useMatches } from 'react-router';

/** What a route's `handle` may say about the tab's title. */
export interface TitleHandle {
  /** The page's name in the tab's title ("Profiles – Wayfinder"). */
  title?: MessageDescriptor;
}

/** The location whose title was last set: the first page's is not announced (it is read on load). */
let titledLocation: string | undefined;
let announcement = '';
const listeners = new Set<() => void>();

function announce(title: string): void {
  announcement = title;
  for (const listener of listeners) listener();
}

/**
 * Names the page in the tab's title: "{page} – Wayfinder". A screen reader reads it as the page
 * opens, and two tabs of the app (two journeys, the list and a forecast) can be told apart. The
 * first title set after moving to another page is announced (see {@link useRouteAnnouncement}):
 * a screen reader says nothing when a single-page app changes page; a rename on the same page
 * changes the title without a word.
 */
export function useDocumentTitle(page: string | undefined): void {
  const intl = useIntl();
  const { key } = useLocation();
  useEffect(() => {
    if (page === undefined) return;
    const title = intl.formatMessage({ id: 'shell.title.page' }, { page });
    document.title = title;
    if (titledLocation !== undefined && titledLocation !== key) announce(title);
    titledLocation = key;
  }, [intl, page, key]);
}

/**
 * The title the deepest route names in its handle; routes whose page names itself (the
 * editor, by its journey's name) give none, and their page sets it.
 */
export function useRouteTitle(): void {
  const intl = useIntl();
  const matches = useMatches();
  const descriptor = (matches.at(-1)?.handle as TitleHandle | undefined)?.title;
  useDocumentTitle(descriptor === undefined ? undefined : intl.formatMessage(descriptor));
}

/** The page just moved to, for the layout's polite live region; empty until the first move. */
export function useRouteAnnouncement(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => announcement,
  );
}
