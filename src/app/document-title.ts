import { useEffect } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { useMatches } from 'react-router';

/** What a route's `handle` may say about the tab's title. */
export interface TitleHandle {
  /** The page's name in the tab's title ("Profiles – Wayfinder"). */
  title?: MessageDescriptor;
}

/**
 * Names the page in the tab's title: "{page} – Wayfinder". A screen reader reads it as the page
 * opens, and two tabs of the app (two journeys, the list and a forecast) can be told apart.
 */
export function useDocumentTitle(page: string | undefined): void {
  const intl = useIntl();
  useEffect(() => {
    if (page === undefined) return;
    document.title = intl.formatMessage({ id: 'shell.title.page' }, { page });
  }, [intl, page]);
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
