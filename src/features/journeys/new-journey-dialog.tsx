import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TEMPLATES } from '../../domain/index.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { FormField } from '../../ui/form-field.tsx';
import {
  ChoiceOption,
  TemplateChoices,
  TemplateOption,
  templateText,
} from '../../ui/template-option.tsx';

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
  const untitled = intl.formatMessage({ id: 'journeys.untitled' });
  const chosenName = chosen ? templateText(intl, chosen).name : undefined;

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
        <TemplateChoices legend={<FormattedMessage id="journeys.new.startFrom" />}>
          <ChoiceOption
            name="template"
            checked={templateId === null}
            onChange={() => setTemplateId(null)}
            title={<FormattedMessage id="journeys.new.blank" />}
            detail={<FormattedMessage id="journeys.new.blankDescription" />}
          />
          {TEMPLATES.map((t) => (
            <TemplateOption
              key={t.id}
              template={t}
              name="template"
              checked={templateId === t.id}
              onChange={() => setTemplateId(t.id)}
            />
          ))}
        </TemplateChoices>
        <FormField id={nameId} label={<FormattedMessage id="journeys.new.name" />}>
          <input
            id={nameId}
            type="text"
            value={name}
            placeholder={chosenName ?? untitled}
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
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
