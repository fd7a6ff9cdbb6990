import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS } from '../../domain/index.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { DrawnOnceOpened, onDemand, usePrefetchWhenIdle } from '../../ui/on-demand.tsx';
import { useConfirm } from '../../ui/use-confirm.tsx';
import { downloadText } from '../../ui/download.ts';
import {
  filterBrokenJourneys,
  filterJourneys,
  type JourneyFilter,
  type JourneySummary,
} from './journey-filter.ts';
import { describeImportError, journeyFileName, journeyToFileText } from './journey-file.ts';
import { RenameJourneyDialog } from './rename-journey-dialog.tsx';
import { BrokenJourneyRow } from './broken-journey-row.tsx';
import { JourneyRow, type JourneyPublishState } from './journey-row.tsx';
import { StoredJsonDialog } from './stored-json-dialog.tsx';
import { useJourneyActions, useJourneyEntries } from './use-journeys.ts';
import './journeys.css';

/** A failed write in words: the browser's own message (quota, a value it cannot store). */
function storageFailure(error: unknown): string {
  const message = error instanceof Error && error.message ? error.message : 'unknown error';
  return `this browser could not store it (${message}).`;
}

export type { JourneyPublishState };

/** The New journey dialog carries the seven templates: loaded when idle or first opened. */
const newJourneyDialog = onDemand(() =>
  import('./new-journey-dialog.tsx').then((module) => module.NewJourneyDialog),
);

export interface JourneyListPageProps {
  publishStates?: ReadonlyMap<string, JourneyPublishState> | undefined;
}

export function JourneyListPage({ publishStates }: JourneyListPageProps) {
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
      description: `“${journey.name}” and its simulation runs will be deleted. This cannot be undone.`,
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
  usePrefetchWhenIdle(newJourneyDialog);
  const [renaming, setRenaming] = useState<JourneySummary | null>(null);
  const [viewing, setViewing] = useState<{ name: string; text: string } | null>(null);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => filterJourneys(journeys ?? [], filter), [journeys, filter]);
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
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => setImportMessage(null)}
          >
            Dismiss
          </button>
        </div>
      )}

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
                onDelete={() => confirmDelete.ask(j)}
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

      <DrawnOnceOpened open={creating}>
        <newJourneyDialog.Component
          open={creating}
          onOpenChange={setCreating}
          onCreate={async (choice) => {
            const id = await actions.create(choice);
            void navigate(`/journeys/${id}`);
          }}
        />
      </DrawnOnceOpened>
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
