import { FormattedMessage, useIntl } from 'react-intl';
import { causeOfError } from '../../i18n/failure-words.ts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { UnreadableJourneyError } from '../../storage/journey-documents.ts';
import { openJourneyForEditing } from '../../storage/journey-session.ts';
import { EditorWorkspace, type EditorSlots } from './editor-workspace.tsx';
import { loadProblemText } from '../../i18n/diagnostic-text.ts';
import './editor.css';

/** Loads a journey (and any unsaved edits its journal holds) and opens it in the editor. */
export function EditorPage(slots: EditorSlots) {
  const { journeyId = '' } = useParams();
  const intl = useIntl();
  const journey = useQuery({
    queryKey: ['journey-document', journeyId],
    queryFn: async () => (await openJourneyForEditing(journeyId)) ?? null,
    // The editor owns the document once it is open; a refetch must never replace it.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  if (journey.isPending) {
    return (
      <section className="page">
        <p className="muted">
          <FormattedMessage id="editor.editor-page.openingJourney" />
        </p>
      </section>
    );
  }
  if (journey.isError) {
    const error = journey.error;
    return (
      <section className="page">
        <h1>
          <FormattedMessage id="editor.editor-page.thisJourneyCannotBeOpened" />
        </h1>
        {error instanceof UnreadableJourneyError ? (
          <ul>
            {error.problems.map((problem, i) => (
              <li key={i}>{loadProblemText(intl, problem)}</li>
            ))}
          </ul>
        ) : (
          <p>{causeOfError(intl, error)}</p>
        )}
        <p>
          <FormattedMessage id="editor.editor-page.youCanStillExportOr" />{' '}
          <Link to="/">
            <FormattedMessage id="editor.editor-page.backToYourJourneys" />
          </Link>
        </p>
      </section>
    );
  }
  if (journey.data === null) {
    return (
      <section className="page">
        <h1>
          <FormattedMessage id="editor.editor-page.journeyNotFound" />
        </h1>
        <p>
          <FormattedMessage id="editor.editor-page.itMayHaveBeenDeleted" />{' '}
          <Link to="/">
            <FormattedMessage id="editor.editor-page.backToYourJourneys" />
          </Link>
        </p>
      </section>
    );
  }
  return <EditorWorkspace key={journey.data.journeyId} opening={journey.data} {...slots} />;
}
