import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TEMPLATES, type JourneyDocument } from '../../../domain/index.ts';
import { Dialog } from '../../../ui/dialog.tsx';
import { TemplateChoices, TemplateOption } from '../../../ui/template-option.tsx';

export interface TemplateDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The chosen template's document, built now. */
  onChoose(template: JourneyDocument): void;
}

/** Picks one of the lifecycle templates to fill an empty journey (loaded when first opened). */
export function TemplateDialog({ open, onOpenChange, onChoose }: TemplateDialogProps) {
  const [templateId, setTemplateId] = useState(TEMPLATES[0]?.id ?? '');
  const name = useId();
  const intl = useIntl();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={intl.formatMessage({ id: 'editor.template-dialog.startFromATemplate' })}
      description={intl.formatMessage({ id: 'editor.template-dialog.itsStepsArrowsAndSettings' })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const template = TEMPLATES.find((t) => t.id === templateId);
          if (template !== undefined) onChoose(template.build(Date.now()));
        }}
      >
        <TemplateChoices
          legend={<FormattedMessage id="editor.template-dialog.template" />}
          legendHidden
        >
          {TEMPLATES.map((t) => (
            <TemplateOption
              key={t.id}
              template={t}
              name={name}
              checked={templateId === t.id}
              onChange={() => setTemplateId(t.id)}
            />
          ))}
        </TemplateChoices>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => onOpenChange(false)}>
            <FormattedMessage id="common.cancel" />
          </button>
          <button type="submit" className="btn btn-primary">
            <FormattedMessage id="editor.template-dialog.useTemplate" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
