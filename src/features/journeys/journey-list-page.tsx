import { useEffect, useMemo, useRef, useState } from 'react';
import { causeOfError } from '../../i18n/failure-words.ts';
import { useNavigate } from 'react-router';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import {
  LIFECYCLE_STAGES,
  journeyFileName,
  journeyToFileText,
  type JourneyDocument,
} from '../../domain/index.ts';
import { LIFECYCLE_STAGE_MESSAGES } from '../../i18n/domain-labels.ts';
import { loadProblemText } from '../../i18n/diagnostic-text.ts';
import { importedText } from './import-words.ts';
import { PageHeader } from '../../ui/page-header.tsx';
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
import { RenameJourneyDialog } from './rename-journey-dialog.tsx';
import { BrokenJourneyRow } from './broken-journey-row.tsx';
import { JourneyRow, type JourneyPublishState } from './journey-row.tsx';
import { StoredJsonDialog } from './stored-json-dialog.tsx';
import { useJourneyActions, useJourneyEntries } from './use-journeys.ts';
import { useUndoableDelete } from './use-undoable-delete.ts';
import './journeys.css';

/** A file the browser would not store, and why, coded (never the error's own English). */
function notStored(intl: IntlShape, file: string, error: unknown): string {
  return intl.formatMessage(
    { id: 'journeys.import.notStored' },
    { file, cause: causeOfError(intl, error) },
  );
}

type ListAction = 'deleting' | 'duplicating' | 'renaming';

export type { JourneyPublishState };

/** The New journey dialog carries the seven templates: loaded when idle or first opened. */
const newJourneyDialog = onDemand(() =>
  import('./new-journey-dialog.tsx').then((module) => module.NewJourneyDialog),
);

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
  const intl = useIntl();
  const actions = useJourneyActions();
  const confirmDelete = useConfirm(
    (journey: { id: string; name: string }) => ({
      title: intl.formatMessage({ id: 'journeys.delete.title' }),
      description: intl.formatMessage(
        { id: 'journeys.delete.description' },
        { journey: journey.name },
      ),
      confirmLabel: intl.formatMessage({ id: 'journeys.delete.confirm' }),
    }),
    (journey) => attempt('deleting', () => actions.remove(journey.id)),
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
            ? intl.formatMessage({ id: 'journeys.delete.changed' }, { journey: name })
            : intl.formatMessage({ id: 'journeys.delete.failed' }, { journey: name }),
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
        text: notStored(intl, file.name, error),
      });
      return;
    }
    setImportMessage(
      result.ok
        ? { ok: true, text: importedText(intl, result.document.name, result.renamed ?? []) }
        : result.fromSpec !== undefined
          ? {
              ok: false,
              text: intl.formatMessage({ id: 'journeys.import.spec' }, { file: result.file }),
              fromSpec: result.fromSpec,
            }
          : {
              ok: false,
              text: intl.formatMessage(
                { id: 'journeys.import.failed' },
                {
                  file: result.file,
                  reasons: result.errors
                    .slice(0, 5)
                    .map((e) => loadProblemText(intl, e))
                    .join('; '),
                  more: Math.max(0, result.errors.length - 5),
                },
              ),
            },
    );
  }

  /** Runs a list action; a write the browser refuses is said, not lost in the console. */
  function attempt(what: ListAction, action: () => Promise<unknown>) {
    action().then(
      (done) => {
        if (done === false)
          setImportMessage({
            ok: false,
            text: intl.formatMessage({ id: 'journeys.list.actionGone' }, { action: what }),
          });
      },
      (error: unknown) =>
        setImportMessage({
          ok: false,
          text: intl.formatMessage(
            { id: 'journeys.list.actionFailed' },
            { action: what, cause: causeOfError(intl, error) },
          ),
        }),
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
      <PageHeader
        title={<FormattedMessage id="journeys.list.title" />}
        subtitle={<FormattedMessage id="journeys.list.subtitle" />}
      >
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            <FormattedMessage id="journeys.list.import" />
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-label={intl.formatMessage({ id: 'journeys.list.importFile' })}
            tabIndex={-1}
            onChange={(e) => void importFiles(e.target.files)}
          />
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <FormattedMessage id="journeys.new.title" />
          </button>
        </div>
      </PageHeader>

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
                    setImportMessage({
                      ok: true,
                      text: intl.formatMessage(
                        { id: 'journeys.import.rebuilt' },
                        { journey: saved.name },
                      ),
                    }),
                  (error: unknown) =>
                    setImportMessage({
                      ok: false,
                      text: notStored(intl, rebuilt.name, error),
                    }),
                );
              }}
            >
              <FormattedMessage id="journeys.import.rebuild" />
            </button>
          )}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => setImportMessage(null)}
          >
            <FormattedMessage id="common.dismiss" />
          </button>
        </div>
      )}
      <div className="undo-toast-region" role="status" aria-live="polite">
        {deletion.pending !== null && (
          <div className="undo-toast">
            <span>
              <FormattedMessage
                id="journeys.delete.deleted"
                values={{ journey: deletion.pending.name }}
              />
            </span>
            <button ref={undoButton} type="button" className="btn btn-sm" onClick={undoDelete}>
              <FormattedMessage id="journeys.delete.undo" />
            </button>
          </div>
        )}
      </div>

      <div className="filters" role="search">
        <input
          type="search"
          placeholder={intl.formatMessage({ id: 'journeys.list.search' })}
          aria-label={intl.formatMessage({ id: 'journeys.list.search' })}
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.target.value })}
        />
        <label>
          <span className="visually-hidden">
            <FormattedMessage id="journeys.list.stage" />
          </span>
          <select
            aria-label={intl.formatMessage({ id: 'journeys.list.stage' })}
            value={filter.stage}
            onChange={(e) =>
              setFilter({ ...filter, stage: e.target.value as JourneyFilter['stage'] })
            }
          >
            <option value="all">{intl.formatMessage({ id: 'journeys.list.allStages' })}</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {intl.formatMessage(LIFECYCLE_STAGE_MESSAGES[stage])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">
            <FormattedMessage id="journeys.list.sortBy" />
          </span>
          <select
            aria-label={intl.formatMessage({ id: 'journeys.list.sortBy' })}
            value={filter.sort}
            onChange={(e) =>
              setFilter({ ...filter, sort: e.target.value as JourneyFilter['sort'] })
            }
          >
            <option value="updated">
              {intl.formatMessage({ id: 'journeys.list.sortUpdated' })}
            </option>
            <option value="name">{intl.formatMessage({ id: 'journeys.new.name' })}</option>
          </select>
        </label>
      </div>

      {journeys === undefined ? (
        <p className="muted">
          <FormattedMessage id="journeys.list.loading" />
        </p>
      ) : shown.length === 0 && shownBroken.length === 0 ? (
        <div className="empty card">
          <h2>
            {journeys.length === 0 ? (
              <FormattedMessage id="journeys.list.empty" />
            ) : (
              <FormattedMessage id="journeys.list.noMatch" />
            )}
          </h2>
          <p className="muted">
            {journeys.length === 0 ? (
              <FormattedMessage id="journeys.list.emptyHint" />
            ) : (
              <FormattedMessage id="journeys.list.noMatchHint" />
            )}
          </p>
        </div>
      ) : (
        <table
          className="data-table card journey-table"
          aria-label={intl.formatMessage({ id: 'journeys.list.title' })}
        >
          <TableHead
            columns={[
              intl.formatMessage({ id: 'journeys.new.name' }),
              intl.formatMessage({ id: 'journeys.column.stage' }),
              intl.formatMessage({ id: 'journeys.column.steps' }),
              intl.formatMessage({ id: 'journeys.column.problems' }),
              publishStates !== undefined &&
                intl.formatMessage({ id: 'journeys.column.published' }),
              intl.formatMessage({ id: 'journeys.column.updated' }),
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
                onDuplicate={() => attempt('duplicating', () => actions.duplicate(j.id))}
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
        onRename={(id, name) => attempt('renaming', () => actions.rename(id, name))}
      />
      <StoredJsonDialog stored={viewing} onClose={() => setViewing(null)} />
      {confirmDelete.dialog}
    </section>
  );
}
