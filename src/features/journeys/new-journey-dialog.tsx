import { useId, useState } from 'react';
import { LIFECYCLE_STAGE_LABELS, TEMPLATES } from '../../domain/index.ts';
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
  const chosen = TEMPLATES.find((t) => t.id === templateId);

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New journey"
      description="Start from a blank canvas or a template for a stage of the customer lifecycle."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onCreate({ name: name.trim() || chosen?.name || 'Untitled journey', templateId });
          onOpenChange(false);
          setName('');
          setTemplateId(null);
        }}
      >
        <fieldset className="template-grid">
          <legend className="field-label">Start from</legend>
          <label className="template-option">
            <input
              type="radio"
              name="template"
              checked={templateId === null}
              onChange={() => setTemplateId(null)}
            />
            <span>
              <strong>Blank journey</strong>
              <span className="muted">An empty canvas.</span>
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
                <strong>{t.name}</strong>
                <span className="muted">
                  {LIFECYCLE_STAGE_LABELS[t.lifecycleStage]} · {t.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            type="text"
            value={name}
            placeholder={chosen?.name ?? 'Untitled journey'}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Create journey
          </button>
        </div>
      </form>
    </Dialog>
  );
}
