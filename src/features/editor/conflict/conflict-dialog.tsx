import * as RadixDialog from '@radix-ui/react-dialog';
import type { JourneyDocument } from '../../../domain/index.ts';
import type { TheirJourney } from '../../../storage/journey-documents.ts';
import { diffVersions } from './version-diff.ts';
import './conflict.css';

export interface ConflictDialogProps {
  mine: JourneyDocument;
  theirs: TheirJourney;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onSaveCopy(): void;
}

function when(iso: string): string {
  const at = new Date(iso);
  return Number.isFinite(at.getTime()) ? at.toLocaleString() : 'unknown time';
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="conflict-subtitle">{title}</h3>
      <ul className="conflict-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Differences({ mine, theirs }: { mine: JourneyDocument; theirs: JourneyDocument }) {
  const diff = diffVersions(mine, theirs);
  const none =
    !diff.name &&
    !diff.settingsDiffer &&
    diff.onlyMine.length + diff.onlyTheirs.length + diff.changed.length === 0;
  return (
    <div className="conflict-diff">
      {diff.name && (
        <p>
          Name: yours “{diff.name.mine}”, saved “{diff.name.theirs}”.
        </p>
      )}
      <List title="Steps only in yours" items={diff.onlyMine} />
      <List title="Steps only in the saved version" items={diff.onlyTheirs} />
      <List title="Steps that differ" items={diff.changed} />
      {diff.settingsDiffer && <p>Journey settings differ.</p>}
      {none && <p>Only the layout differs.</p>}
    </div>
  );
}

/**
 * Shown when the stored journey changed under this editor (another tab saved it) while it had
 * edits of its own: both versions side by side and a choice. It cannot be dismissed without
 * choosing, so nothing is overwritten or dropped silently.
 */
export function ConflictDialog({
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  onSaveCopy,
}: ConflictDialogProps) {
  const title =
    theirs.status === 'deleted'
      ? 'This journey was deleted elsewhere'
      : 'This journey was changed elsewhere';
  return (
    <RadixDialog.Root open onOpenChange={() => undefined}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog-content conflict-dialog"
          onEscapeKeyDown={(e) => e.preventDefault()}
          onPointerDownOutside={(e) => e.preventDefault()}
        >
          <RadixDialog.Title>{title}</RadixDialog.Title>
          <RadixDialog.Description className="muted">
            Your edits here are not saved yet. Choose which version to keep; nothing is lost until
            you do.
          </RadixDialog.Description>
          <div className="conflict-versions">
            <section aria-label="Your version">
              <h3 className="conflict-subtitle">Yours, in this tab</h3>
              <p>
                “{mine.name || 'Untitled journey'}”, {mine.steps.length} steps
              </p>
            </section>
            <section aria-label="Saved version">
              <h3 className="conflict-subtitle">Saved</h3>
              {theirs.status === 'ok' ? (
                <p>
                  “{theirs.document.name || 'Untitled journey'}”, {theirs.document.steps.length}{' '}
                  steps, saved {when(theirs.document.updatedAt)}
                </p>
              ) : theirs.status === 'deleted' ? (
                <p>Deleted.</p>
              ) : (
                <p>Cannot be read: {theirs.problems.slice(0, 3).join('; ')}</p>
              )}
            </section>
          </div>
          {theirs.status === 'ok' && <Differences mine={mine} theirs={theirs.document} />}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onSaveCopy}>
              Save mine as a copy
            </button>
            {theirs.status === 'ok' && (
              <button type="button" className="btn" onClick={onTakeTheirs}>
                Take the saved version
              </button>
            )}
            <button type="button" className="btn btn-primary" onClick={onKeepMine}>
              Keep mine
            </button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
