import { useId, useState } from 'react';
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
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start from a template"
      description="Its steps, arrows and settings fill this journey; its name stays. Undo takes it back."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const template = TEMPLATES.find((t) => t.id === templateId);
          if (template !== undefined) onChoose(template.build(Date.now()));
        }}
      >
        <fieldset className="editor-templates">
          <legend className="visually-hidden">Template</legend>
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
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Use template
          </button>
        </div>
      </form>
    </Dialog>
  );
}
