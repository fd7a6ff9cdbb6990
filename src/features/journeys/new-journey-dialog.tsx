import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TEMPLATES } from '../../domain/index.ts';
import { LIFECYCLE_STAGE_MESSAGES, TEMPLATE_MESSAGES } from '../../i18n/domain-labels.ts';
import { Dialog } from '../../ui/dialog.tsx';

export type NewJourneyChoice = { name: string; templateId: string | null };

interface NewJourneyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreate: (choice: NewJourneyChoice) => void | Promise<void>;
}

/** Create a journey from a blank canvas or one of the lifecycle templates. */
export function NewJourneyDialog({ open, onOpenChange, onCreate }: NewJourneyDialogProps) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const nameId = useId();
  const intl = useIntl();
  const chosen = TEMPLATES.find((t) => t.id === templateId);
  /** A template's name and description in the user's language (its English ones if new). */
  const named = (t: (typeof TEMPLATES)[number]) => {
    const messages = TEMPLATE_MESSAGES[t.id];
    return messages
      ? {
          name: intl.formatMessage(messages.name),
          description: intl.formatMessage(messages.description),
        }
      : { name: t.name, description: t.description };
  };
  const untitled = intl.formatMessage({ id: 'journeys.untitled' });
  const chosenName = chosen ? named(chosen).name : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={intl.formatMessage({ id: 'journeys.new.title' })}
      description={intl.formatMessage({ id: 'journeys.new.description' })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onCreate({ name: name.trim() || chosenName || untitled, templateId });
          onOpenChange(false);
          setName('');
          setTemplateId(null);
        }}
      >
        <fieldset className="template-grid">
          <legend className="field-label">
            <FormattedMessage id="journeys.new.startFrom" />
          </legend>
          <label className="template-option">
            <input
              type="radio"
              name="template"
              checked={templateId === null}
              onChange={() => setTemplateId(null)}
            />
            <span>
              <strong>
                <FormattedMessage id="journeys.new.blank" />
              </strong>
              <span className="muted">
                <FormattedMessage id="journeys.new.blankDescription" />
              </span>
            </span>
          </label>
          {TEMPLATES.map((t) => (
            <label key={t.id} className="template-option">
              <input
                type="radio"
                name="template"
                checked={templateId === t.id}
                onChange={() => setTemplateId(t.id)}
              />
              <span>
                <strong>{named(t).name}</strong>
                <span className="muted">
                  <FormattedMessage
                    id="journeys.new.templateDetail"
                    values={{
                      stage: intl.formatMessage(LIFECYCLE_STAGE_MESSAGES[t.lifecycleStage]),
                      description: named(t).description,
                    }}
                  />
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={nameId}>
            <FormattedMessage id="journeys.new.name" />
          </label>
          <input
            id={nameId}
            type="text"
            value={name}
            placeholder={chosenName ?? untitled}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => onOpenChange(false)}>
            <FormattedMessage id="common.cancel" />
          </button>
          <button type="submit" className="btn btn-primary">
            <FormattedMessage id="journeys.new.create" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
