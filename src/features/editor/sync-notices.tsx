import { FormattedMessage, useIntl } from 'react-intl';
import { Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { randomId, type JourneyDocument } from '../../domain/index.ts';
import { createJourneyRecord } from '../../storage/journey-documents.ts';
import type { JourneySync, SyncState } from './journey-sync.ts';
import { onDemand, usePrefetchWhenIdle } from '../../ui/on-demand.tsx';
import { SetAsideNotice } from './set-aside-notice.tsx';

/** Conflicts are rare: the dialog (and Radix under it) loads when one happens, or when idle. */
const conflictDialog = onDemand(() =>
  import('./conflict/conflict-dialog.tsx').then((module) => module.ConflictDialog),
);

export interface SyncNoticesProps {
  state: SyncState;
  sync: JourneySync;
  journeyName: string;
  /** Unreadable journal entries kept aside for this journey. */
  setAside: { key: string; text: string }[];
  onDiscardSetAside(key: string): void;
}

/** What the editor says about its stored copy: a conflict to resolve, a saved copy, a set-aside journal. */
export function SyncNotices({
  state,
  sync,
  journeyName,
  setAside,
  onDiscardSetAside,
}: SyncNoticesProps) {
  const navigate = useNavigate();
  const intl = useIntl();
  const [copyId, setCopyId] = useState<string | null>(null);
  usePrefetchWhenIdle(conflictDialog);

  const saveMineAsCopy = async (mine: JourneyDocument, theirsKept: boolean) => {
    const at = new Date().toISOString();
    const copy: JourneyDocument = {
      ...mine,
      id: randomId(),
      name: intl.formatMessage(
        { id: 'editor.sync-notices.myCopyName' },
        {
          name: mine.name || intl.formatMessage({ id: 'editor.editor-workspace.untitledJourney' }),
        },
      ),
      createdAt: at,
      updatedAt: at,
    };
    // A failed write leaves the conflict open: the choice can be made again.
    const created = await createJourneyRecord(copy).catch(() => null);
    if (created?.ok !== true) return;
    sync.dropMine();
    // With nothing stored to stay on (deleted or unreadable), go to the copy.
    if (theirsKept) setCopyId(copy.id);
    else void navigate(`/journeys/${copy.id}`);
  };

  return (
    <>
      {copyId !== null && (
        <div role="status" className="editor-notice">
          <FormattedMessage id="editor.sync-notices.yourVersionWasSavedAs" />{' '}
          <Link to={`/journeys/${copyId}`}>
            <FormattedMessage id="editor.sync-notices.openTheCopy" />
          </Link>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setCopyId(null)}>
            <FormattedMessage id="editor.sync-notices.dismiss" />
          </button>
        </div>
      )}
      <SetAsideNotice journeyName={journeyName} texts={setAside} onDiscard={onDiscardSetAside} />
      {state.status === 'conflict' && (
        <Suspense fallback={null}>
          <conflictDialog.Component
            mine={state.mine}
            theirs={state.theirs}
            onKeepMine={sync.keepMine}
            onTakeTheirs={sync.takeTheirs}
            onSaveCopy={() => void saveMineAsCopy(state.mine, state.theirs.status === 'ok')}
            onLeaveDeleted={() => {
              sync.dropMine();
              void navigate('/');
            }}
          />
        </Suspense>
      )}
    </>
  );
}
