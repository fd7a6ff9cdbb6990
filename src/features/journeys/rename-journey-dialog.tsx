import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../ui/dialog.tsx';
import type { JourneySummary } from './journey-filter.ts';

interface RenameJourneyDialogProps {
  journey: JourneySummary | null;
  onClose: () => void;
  onRename: (id: string, name: string) => void;
}

export function RenameJourneyDialog({ journey, onClose, onRename }: RenameJourneyDialogProps) {
  const intl = useIntl();
  const [name, setName] = useState('');
  const inputId = useId();
  useEffect(() => setName(journey?.name ?? ''), [journey]);
  const trimmed = name.trim();

  return (
    <Dialog
      open={journey !== null}
      onOpenChange={(open) => !open && onClose()}
      title={intl.formatMessage({ id: 'journeys.rename.title' })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (journey && trimmed) onRename(journey.id, trimmed);
          onClose();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>
            <FormattedMessage id="journeys.new.name" />
          </label>
          <input
            id={inputId}
            type="text"
            value={name}
            aria-invalid={trimmed === ''}
            onChange={(e) => setName(e.target.value)}
          />
          {trimmed === '' && (
            <span className="field-error">
              <FormattedMessage id="journeys.rename.needsName" />
            </span>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            <FormattedMessage id="common.cancel" />
          </button>
          <button type="submit" className="btn btn-primary" disabled={trimmed === ''}>
            <FormattedMessage id="journeys.action.rename" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
