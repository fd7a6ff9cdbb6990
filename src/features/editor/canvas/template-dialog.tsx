import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LIFECYCLE_STAGE_LABELS, TEMPLATES, type JourneyDocument } from '../../../domain/index.ts';
import { Dialog } from '../../../ui/dialog.tsx';
import './template-dialog.css';

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
        <fieldset className="editor-templates">
          <legend className="visually-hidden">
            <FormattedMessage id="editor.template-dialog.template" />
          </legend>
          {TEMPLATES.map((t) => (
            <label key={t.id} className="editor-template">
              <input
                type="radio"
                name={name}
                checked={templateId === t.id}
                onChange={() => setTemplateId(t.id)}
              />
              <span>
                <strong>{t.name}</strong>
                <span className="muted">
                  {LIFECYCLE_STAGE_LABELS[t.lifecycleStage]} · {t.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
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
