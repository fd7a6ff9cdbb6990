import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS } from '../../domain/index.ts';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { downloadText } from '../../ui/download.ts';
import {
  filterBrokenJourneys,
  filterJourneys,
  type JourneyFilter,
  type JourneySummary,
} from './journey-filter.ts';
import { describeImportError, journeyFileName, journeyToFileText } from './journey-file.ts';
import { NewJourneyDialog } from './new-journey-dialog.tsx';
import { RenameJourneyDialog } from './rename-journey-dialog.tsx';
import { BrokenJourneyRow } from './broken-journey-row.tsx';
import { StoredJsonDialog } from './stored-json-dialog.tsx';
import { useJourneyActions, useJourneyEntries } from './use-journeys.ts';
import { TruncatedText } from '../../ui/truncated-text.tsx';
import './journeys.css';

const relativeTime = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function updatedLabel(iso: string): string {
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return relativeTime.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relativeTime.format(hours, 'hour');
  return new Date(iso).toLocaleDateString();
}

/** Where a journey stands against the execution backend (given by the app when publishing is on). */
export interface JourneyPublishState {
  version: number;
  unpublishedChanges: boolean;
}

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
  const navigate = useNavigate();
  const [filter, setFilter] = useState<JourneyFilter>({
    search: '',
    stage: 'all',
    sort: 'updated',
  });
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<JourneySummary | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const [viewing, setViewing] = useState<{ name: string; text: string } | null>(null);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => filterJourneys(journeys ?? [], filter), [journeys, filter]);
  const shownBroken = useMemo(() => filterBrokenJourneys(broken, filter), [broken, filter]);

  async function importFiles(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const result = await actions.importFile(file);
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
    if (fileInput.current) fileInput.current.value = '';
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
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Stage</th>
              <th scope="col">Steps</th>
              <th scope="col">Problems</th>
              {publishStates && <th scope="col">Published</th>}
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link to={`/journeys/${j.id}`} className="journey-name">
                    <TruncatedText text={j.name} fallback="Untitled journey" />
                  </Link>
                  {j.description && (
                    <div className="muted journey-description">{j.description}</div>
                  )}
                </td>
                <td>{LIFECYCLE_STAGE_LABELS[j.lifecycleStage]}</td>
                <td>{j.stepCount}</td>
                <td>
                  <ProblemBadges errors={j.errorCount} warnings={j.warningCount} />
                </td>
                {publishStates && (
                  <td>
                    <PublishCell state={publishStates.get(j.id)} />
                  </td>
                )}
                <td>
                  <time dateTime={j.updatedAt}>{updatedLabel(j.updatedAt)}</time>
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={`Rename ${j.name || 'Untitled journey'}`}
                      onClick={() => setRenaming(j)}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={`Duplicate ${j.name || 'Untitled journey'}`}
                      onClick={() => void actions.duplicate(j.id)}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={`Export ${j.name || 'Untitled journey'}`}
                      onClick={() => void exportJourney(j.id)}
                    >
                      Export
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={`Delete ${j.name || 'Untitled journey'}`}
                      onClick={() => setDeleting(j)}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
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
                onDelete={() => setDeleting({ id: journey.id, name: journey.name || journey.id })}
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
        onRename={(id, name) => void actions.rename(id, name)}
      />
      <StoredJsonDialog stored={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete journey?"
        description={`“${deleting?.name ?? ''}” and its simulation runs will be deleted. This cannot be undone.`}
        confirmLabel="Delete journey"
        danger
        onConfirm={() => deleting && void actions.remove(deleting.id)}
      />
    </section>
  );
}

function PublishCell({ state }: { state: JourneyPublishState | undefined }) {
  if (!state) return <span className="muted">Draft only</span>;
  return (
    <span className="problem-badges">
      <span className="badge">v{state.version}</span>
      {state.unpublishedChanges && <span className="badge badge-warning">Unpublished changes</span>}
    </span>
  );
}

function ProblemBadges({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0) return <span className="badge badge-ok">Ready</span>;
  return (
    <span className="problem-badges">
      {errors > 0 && (
        <span className="badge badge-error">
          {errors} {errors === 1 ? 'error' : 'errors'}
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge-warning">
          {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      )}
    </span>
  );
}
