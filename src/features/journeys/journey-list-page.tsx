import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  LIFECYCLE_STAGES,
  LIFECYCLE_STAGE_LABELS,
  journeyFileName,
  journeyToFileText,
  type JourneyDocument,
} from '../../domain/index.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { useConfirm } from '../../ui/use-confirm.tsx';
import { downloadText } from '../../ui/download.ts';
import {
  filterBrokenJourneys,
  filterJourneys,
  type JourneyFilter,
  type JourneySummary,
} from './journey-filter.ts';
import { describeImportError } from './journey-file.ts';
import { NewJourneyDialog } from './new-journey-dialog.tsx';
import { RenameJourneyDialog } from './rename-journey-dialog.tsx';
import { BrokenJourneyRow } from './broken-journey-row.tsx';
import { JourneyRow, type JourneyPublishState } from './journey-row.tsx';
import { StoredJsonDialog } from './stored-json-dialog.tsx';
import { useJourneyActions, useJourneyEntries } from './use-journeys.ts';
import { useUndoableDelete } from './use-undoable-delete.ts';
import './journeys.css';

/** A failed write in words: the browser's own message (quota, a value it cannot store). */
function storageFailure(error: unknown): string {
  const message = error instanceof Error && error.message ? error.message : 'unknown error';
  return `this browser could not store it (${message}).`;
}

export type { JourneyPublishState };

export interface JourneyListPageProps {
  publishStates?: ReadonlyMap<string, JourneyPublishState> | undefined;
  /** How long a deleted journey can be brought back (tests shorten it). */
  undoDeleteMs?: number;
}

export function JourneyListPage({ publishStates, undoDeleteMs }: JourneyListPageProps) {
  const entries = useJourneyEntries();
  const journeys = useMemo(
    () => entries?.flatMap((e) => (e.status === 'ok' ? [e.summary] : [])),
    [entries],
  );
  const broken = useMemo(
    () => entries?.flatMap((e) => (e.status === 'broken' ? [e.journey] : [])) ?? [],
    [entries],
  );
  const actions = useJourneyActions();
  const confirmDelete = useConfirm(
    (journey: { id: string; name: string }) => ({
      title: 'Delete journey?',
      description: `“${journey.name}” cannot be read, so it cannot be brought back once deleted.`,
      confirmLabel: 'Delete journey',
    }),
    (journey) => attempt('Deleting', () => actions.remove(journey.id)),
  );
  const navigate = useNavigate();
  const [filter, setFilter] = useState<JourneyFilter>({
    search: '',
    stage: 'all',
    sort: 'updated',
  });
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<JourneySummary | null>(null);
  const [viewing, setViewing] = useState<{ name: string; text: string } | null>(null);
  const [importMessage, setImportMessage] = useState<{
    ok: boolean;
    text: string;
    /** A spec imported as a journey: the journey it can be rebuilt as, offered with a button. */
    fromSpec?: JourneyDocument;
  } | null>(null);
  const deletion = useUndoableDelete({
    ...(undoDeleteMs !== undefined ? { undoMs: undoDeleteMs } : {}),
    revisionOf: actions.revisionOf,
    deleteAt: actions.deleteAt,
    onNotDeleted: (name, why) =>
      setImportMessage({
        ok: false,
        text:
          why === 'changed'
            ? `“${name}” was not deleted: it changed in another tab meanwhile.`
            : `Deleting “${name}” failed: this browser could not change its storage.`,
      }),
  });
  const undoButton = useRef<HTMLButtonElement>(null);
  const deleteWithUndo = (journey: JourneySummary) =>
    void deletion.remove(journey.id, journey.name);
  // The deleted row's button is gone: focus goes to Undo, once it is drawn, not to the page.
  useEffect(() => {
    if (deletion.pending !== null) undoButton.current?.focus();
  }, [deletion.pending]);
  const undoDelete = () => {
    const restored = deletion.undo();
    if (restored === null) return;
    // Focus goes back to the journey that came back, never to the page.
    requestAnimationFrame(() =>
      window.document
        .querySelector<HTMLElement>(`[data-journey-id="${CSS.escape(restored.id)}"] a`)
        ?.focus(),
    );
  };
  const fileInput = useRef<HTMLInputElement>(null);

  const pendingId = deletion.pending?.id;
  const shown = useMemo(
    () => filterJourneys(journeys ?? [], filter).filter((j) => j.id !== pendingId),
    [journeys, filter, pendingId],
  );
  const shownBroken = useMemo(() => filterBrokenJourneys(broken, filter), [broken, filter]);

  async function importFiles(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    if (fileInput.current) fileInput.current.value = '';
    let result: Awaited<ReturnType<typeof actions.importFile>>;
    try {
      result = await actions.importFile(file);
    } catch (error) {
      setImportMessage({
        ok: false,
        text: `${file.name} was not imported: ${storageFailure(error)}`,
      });
      return;
    }
    setImportMessage(
      result.ok
        ? { ok: true, text: `Imported “${result.document.name}”.` }
        : result.fromSpec !== undefined
          ? {
              ok: false,
              text: describeImportError(result.errors[0] ?? { path: '', message: '' }),
              fromSpec: result.fromSpec,
            }
          : {
              ok: false,
              text: `${result.file} was not imported: ${result.errors
                .slice(0, 5)
                .map(describeImportError)
                .join(
                  '; ',
                )}${result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : ''}`,
            },
    );
  }

  /** Runs a list action; a write the browser refuses is said, not lost in the console. */
  function attempt(what: string, action: () => Promise<unknown>) {
    action().then(
      (done) => {
        if (done === false)
          setImportMessage({
            ok: false,
            text: `${what} failed: the journey changed or is gone. Try again.`,
          });
      },
      (error: unknown) =>
        setImportMessage({ ok: false, text: `${what} failed: ${storageFailure(error)}` }),
    );
  }

  async function exportJourney(id: string) {
    const document = await actions.load(id);
    if (document) downloadText(journeyFileName(document), journeyToFileText(document));
  }

  /** A broken journey as stored: its text is all there is to give back. */
  async function storedText(id: string): Promise<string> {
    return (await actions.storedText(id).catch(() => undefined)) ?? '';
  }

  return (
    <section className="page">
      <div className="page-header">
        <div>
          <h1>Journeys</h1>
          <p className="page-subtitle">
            Design, check and simulate customer journeys before launch.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label="Import a journey file"
            tabIndex={-1}
            onChange={(e) => void importFiles(e.target.files)}
          />
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            New journey
          </button>
        </div>
      </div>

      {importMessage && (
        <div
          role={importMessage.ok ? 'status' : 'alert'}
          className={importMessage.ok ? 'notice notice-ok' : 'notice notice-error'}
        >
          {importMessage.text}
          {importMessage.fromSpec !== undefined && (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                const rebuilt = importMessage.fromSpec;
                if (rebuilt === undefined) return;
                void actions.importRebuilt(rebuilt).then(
                  (saved) =>
                    setImportMessage({ ok: true, text: `Imported “${saved.name}” from the spec.` }),
                  (error: unknown) =>
                    setImportMessage({ ok: false, text: `Not imported: ${storageFailure(error)}` }),
                );
              }}
            >
              Import as a new journey
            </button>
          )}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => setImportMessage(null)}
          >
            Dismiss
          </button>
        </div>
      )}
      <div className="undo-toast-region" role="status" aria-live="polite">
        {deletion.pending !== null && (
          <div className="undo-toast">
            <span>Deleted “{deletion.pending.name}”.</span>
            <button ref={undoButton} type="button" className="btn btn-sm" onClick={undoDelete}>
              Undo
            </button>
          </div>
        )}
      </div>

      <div className="filters" role="search">
        <input
          type="search"
          placeholder="Search journeys"
          aria-label="Search journeys"
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.target.value })}
        />
        <label>
          <span className="visually-hidden">Lifecycle stage</span>
          <select
            aria-label="Lifecycle stage"
            value={filter.stage}
            onChange={(e) =>
              setFilter({ ...filter, stage: e.target.value as JourneyFilter['stage'] })
            }
          >
            <option value="all">All stages</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {LIFECYCLE_STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">Sort by</span>
          <select
            aria-label="Sort by"
            value={filter.sort}
            onChange={(e) =>
              setFilter({ ...filter, sort: e.target.value as JourneyFilter['sort'] })
            }
          >
            <option value="updated">Recently updated</option>
            <option value="name">Name</option>
          </select>
        </label>
      </div>

      {journeys === undefined ? (
        <p className="muted">Loading journeys…</p>
      ) : shown.length === 0 && shownBroken.length === 0 ? (
        <div className="empty card">
          <h2>{journeys.length === 0 ? 'No journeys yet' : 'No journeys match'}</h2>
          <p className="muted">
            {journeys.length === 0
              ? 'Start from a lifecycle template or a blank canvas.'
              : 'Try another search or stage.'}
          </p>
        </div>
      ) : (
        <table className="data-table card journey-table" aria-label="Journeys">
          <TableHead
            columns={[
              'Name',
              'Stage',
              'Steps',
              'Problems',
              publishStates !== undefined && 'Published',
              'Updated',
            ]}
            actions
          />
          <tbody>
            {shown.map((j) => (
              <JourneyRow
                key={j.id}
                journey={j}
                publishing={publishStates !== undefined}
                publishState={publishStates?.get(j.id)}
                onRename={() => setRenaming(j)}
                onDuplicate={() => attempt('Duplicating', () => actions.duplicate(j.id))}
                onExport={() => void exportJourney(j.id)}
                onDelete={() => deleteWithUndo(j)}
              />
            ))}
            {shownBroken.map((journey) => (
              <BrokenJourneyRow
                key={journey.id}
                journey={journey}
                columns={publishStates ? 7 : 6}
                onView={async () =>
                  setViewing({
                    name: journey.name || journey.id,
                    text: await storedText(journey.id),
                  })
                }
                onExport={async () =>
                  downloadText(`${journey.id}.stored.json`, await storedText(journey.id))
                }
                onDelete={() =>
                  confirmDelete.ask({ id: journey.id, name: journey.name || journey.id })
                }
              />
            ))}
          </tbody>
        </table>
      )}

      <NewJourneyDialog
        open={creating}
        onOpenChange={setCreating}
        onCreate={async (choice) => {
          const id = await actions.create(choice);
          void navigate(`/journeys/${id}`);
        }}
      />
      <RenameJourneyDialog
        journey={renaming}
        onClose={() => setRenaming(null)}
        onRename={(id, name) => attempt('Renaming', () => actions.rename(id, name))}
      />
      <StoredJsonDialog stored={viewing} onClose={() => setViewing(null)} />
      {confirmDelete.dialog}
    </section>
  );
}
