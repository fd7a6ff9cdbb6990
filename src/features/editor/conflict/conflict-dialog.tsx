import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import * as RadixDialog from '@radix-ui/react-dialog';
import type { JourneyDocument } from '../../../domain/index.ts';
import type { TheirJourney } from '../../../storage/journey-documents.ts';
import { diffVersions } from './version-diff.ts';
import { loadProblemText } from '../../../i18n/diagnostic-text.ts';
import './conflict.css';

export interface ConflictDialogProps {
  mine: JourneyDocument;
  theirs: TheirJourney;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onSaveCopy(): void;
  /** Offered when the journey was deleted elsewhere: agree, drop these edits and leave. */
  onLeaveDeleted(): void;
}

/** "“Welcome”, 3 steps, saved 6 Dec 2026, 12:40" in the reader's language; no time if unreadable. */
function savedSummary(intl: IntlShape, doc: JourneyDocument): string {
  const name = doc.name || intl.formatMessage({ id: 'editor.conflict-dialog.untitledJourney' });
  const at = new Date(doc.updatedAt);
  return Number.isFinite(at.getTime())
    ? intl.formatMessage(
        { id: 'editor.conflict-dialog.savedSummary' },
        {
          name,
          steps: doc.steps.length,
          when: intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }),
        },
      )
    : intl.formatMessage(
        { id: 'editor.conflict-dialog.savedSummaryUndated' },
        { name, steps: doc.steps.length },
      );
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
  const intl = useIntl();
  const diff = diffVersions(mine, theirs);
  const none =
    !diff.name &&
    !diff.settingsDiffer &&
    diff.onlyMine.length + diff.onlyTheirs.length + diff.changed.length === 0;
  return (
    <div className="conflict-diff">
      {diff.name && (
        <p>
          <FormattedMessage
            id="editor.conflict-dialog.nameDiffers"
            values={{ mine: diff.name.mine, theirs: diff.name.theirs }}
          />
        </p>
      )}
      <List
        title={intl.formatMessage({ id: 'editor.conflict-dialog.stepsOnlyInYours' })}
        items={diff.onlyMine}
      />
      <List
        title={intl.formatMessage({ id: 'editor.conflict-dialog.stepsOnlyInTheSaved' })}
        items={diff.onlyTheirs}
      />
      <List
        title={intl.formatMessage({ id: 'editor.conflict-dialog.stepsThatDiffer' })}
        items={diff.changed}
      />
      {diff.settingsDiffer && (
        <p>
          <FormattedMessage id="editor.conflict-dialog.journeySettingsDiffer" />
        </p>
      )}
      {none && (
        <p>
          <FormattedMessage id="editor.conflict-dialog.onlyTheLayoutDiffers" />
        </p>
      )}
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
  onLeaveDeleted,
}: ConflictDialogProps) {
  const intl = useIntl();
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
            <FormattedMessage id="editor.conflict-dialog.yourEditsHereAreNot" />
          </RadixDialog.Description>
          <div className="conflict-versions">
            <section aria-label={intl.formatMessage({ id: 'editor.conflict-dialog.yourVersion' })}>
              <h3 className="conflict-subtitle">
                <FormattedMessage id="editor.conflict-dialog.yoursInThisTab" />
              </h3>
              <p>
                <FormattedMessage
                  id="editor.conflict-dialog.yourSummary"
                  values={{
                    name:
                      mine.name ||
                      intl.formatMessage({ id: 'editor.conflict-dialog.untitledJourney' }),
                    steps: mine.steps.length,
                  }}
                />
              </p>
            </section>
            <section aria-label={intl.formatMessage({ id: 'editor.conflict-dialog.savedVersion' })}>
              <h3 className="conflict-subtitle">
                <FormattedMessage id="editor.conflict-dialog.saved2" />
              </h3>
              {theirs.status === 'ok' ? (
                <p>{savedSummary(intl, theirs.document)}</p>
              ) : theirs.status === 'deleted' ? (
                <p>
                  <FormattedMessage id="editor.conflict-dialog.deleted" />
                </p>
              ) : (
                <p>
                  <FormattedMessage
                    id="editor.conflict-dialog.cannotBeRead"
                    values={{
                      problems: theirs.problems
                        .slice(0, 3)
                        .map((p) => loadProblemText(intl, p))
                        .join('; '),
                    }}
                  />
                </p>
              )}
            </section>
          </div>
          {theirs.status === 'ok' && <Differences mine={mine} theirs={theirs.document} />}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onSaveCopy}>
              <FormattedMessage id="editor.conflict-dialog.saveMineAsACopy" />
            </button>
            {theirs.status === 'ok' && (
              <button type="button" className="btn" onClick={onTakeTheirs}>
                <FormattedMessage id="editor.conflict-dialog.takeTheSavedVersion" />
              </button>
            )}
            {theirs.status === 'deleted' && (
              <button type="button" className="btn" onClick={onLeaveDeleted}>
                <FormattedMessage id="editor.conflict-dialog.leaveItDeleted" />
              </button>
            )}
            <button type="button" className="btn btn-primary" onClick={onKeepMine}>
              <FormattedMessage id="editor.conflict-dialog.keepMine" />
            </button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
