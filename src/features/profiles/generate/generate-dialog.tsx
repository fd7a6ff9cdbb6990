import { FormattedMessage, useIntl } from 'react-intl';
import { failureReasonOf, type FailureReason } from '../../../domain/failure/failure-reason.ts';
import { failureCause } from '../../../i18n/failure-words.ts';
import { useRef, useState } from 'react';
import { Dialog } from '../../../ui/dialog.tsx';
import type { GenerateOutcome, JobProgress } from '../../../workers/profiles/profiles-protocol.ts';
import { ProgressBar } from '../progress-bar.tsx';
import { type JobHandle, useProfilesServices } from '../profiles-services.tsx';
import {
  defaultGenerateForm,
  defaultSetName,
  type GenerateForm,
  type GenerateProblem,
  MIN_GENERATED,
  readGenerateForm,
} from './generate-form.ts';
import { MAX_GENERATED_PROFILES } from '../../../domain/profiles/generate/options.ts';

type Run =
  | { state: 'form' }
  | { state: 'running'; progress: JobProgress }
  | { state: 'done'; outcome: GenerateOutcome }
  | { state: 'stopped'; reason: FailureReason | 'cancelled' };

interface GenerateDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onOpenSet: (setId: string) => void;
  /** Today, for the default date range. */
  now?: number;
}

/** The form's fields; each is labelled and explained by `generate-dialog.field` and `.hint`. */
const FIELDS: Array<{ key: keyof GenerateForm; type: string; hint: boolean }> = [
  { key: 'name', type: 'text', hint: true },
  { key: 'count', type: 'number', hint: true },
  { key: 'seed', type: 'text', hint: true },
  { key: 'startDate', type: 'date', hint: false },
  { key: 'endDate', type: 'date', hint: false },
];

/** The numbers the field hints and problems name. */
const LIMITS = {
  min: MIN_GENERATED,
  max: MAX_GENERATED_PROFILES,
  name: defaultSetName(10_000),
};

/** Generates seeded profiles into a new set off the main thread, with progress and cancel. */
export function GenerateDialog({
  open,
  onOpenChange,
  onOpenSet,
  now = Date.now(),
}: GenerateDialogProps) {
  const intl = useIntl();
  const { jobs } = useProfilesServices();
  const [form, setForm] = useState<GenerateForm>(() => defaultGenerateForm(now));
  const [errors, setErrors] = useState<Partial<Record<keyof GenerateForm, GenerateProblem>>>({});
  const [run, setRun] = useState<Run>({ state: 'form' });
  const job = useRef<JobHandle<GenerateOutcome> | undefined>(undefined);

  const close = (next: boolean) => {
    if (!next && run.state === 'running') return;
    if (!next) setRun({ state: 'form' });
    onOpenChange(next);
  };

  const submit = () => {
    const read = readGenerateForm(form);
    if ('errors' in read) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    const total = read.request.count;
    setRun({ state: 'running', progress: { phase: 'writing', done: 0, total } });
    const handle = jobs.generate(read.request, (progress) =>
      setRun({ state: 'running', progress }),
    );
    job.current = handle;
    handle.result.then(
      (outcome) => setRun({ state: 'done', outcome }),
      (error: unknown) =>
        setRun({
          state: 'stopped',
          reason:
            error instanceof DOMException && error.name === 'AbortError'
              ? 'cancelled'
              : failureReasonOf(error),
        }),
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={intl.formatMessage({ id: 'profiles.generate-dialog.generateProfiles' })}
      description={intl.formatMessage({
        id: 'profiles.generate-dialog.realisticSeededSampleCustomers',
      })}
    >
      {run.state === 'form' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {FIELDS.map(({ key, type, hint }) => (
            <div className="field" key={key}>
              <label htmlFor={`generate-${key}`}>
                <FormattedMessage id="profiles.generate-dialog.field" values={{ field: key }} />
              </label>
              <input
                id={`generate-${key}`}
                type={type}
                value={form[key]}
                aria-invalid={errors[key] !== undefined}
                aria-describedby={`generate-${key}-note`}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
              />
              <span
                id={`generate-${key}-note`}
                className={errors[key] ? 'field-error' : 'field-hint'}
              >
                {errors[key] !== undefined ? (
                  <FormattedMessage
                    id="profiles.generate-dialog.problem"
                    values={{ problem: errors[key], ...LIMITS }}
                  />
                ) : (
                  hint && (
                    <FormattedMessage
                      id="profiles.generate-dialog.hint"
                      values={{ field: key, ...LIMITS }}
                    />
                  )
                )}
              </span>
            </div>
          ))}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => close(false)}>
              <FormattedMessage id="profiles.generate-dialog.cancel" />
            </button>
            <button type="submit" className="btn btn-primary">
              <FormattedMessage id="profiles.generate-dialog.generate" />
            </button>
          </div>
        </form>
      )}
      {(run.state === 'running' || run.state === 'done') && (
        <>
          <ProgressBar
            label={intl.formatMessage({ id: 'profiles.generate-dialog.generatingProfiles' })}
            value={run.state === 'done' ? run.outcome.count : run.progress.done}
            max={run.state === 'done' ? run.outcome.count : run.progress.total}
            unit="profiles"
          />
          {run.state === 'done' && (
            <p role="status">
              <FormattedMessage
                id="profiles.generate-dialog.generatedAndSaved"
                values={{ count: run.outcome.count }}
              />
            </p>
          )}
          <div className="dialog-actions">
            {run.state === 'running' ? (
              <button type="button" className="btn" onClick={() => job.current?.cancel()}>
                <FormattedMessage id="profiles.generate-dialog.cancel" />
              </button>
            ) : (
              <>
                <button type="button" className="btn" onClick={() => close(false)}>
                  <FormattedMessage id="profiles.generate-dialog.close" />
                </button>
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => {
                    close(false);
                    onOpenSet(run.outcome.setId);
                  }}
                >
                  <FormattedMessage id="profiles.generate-dialog.openSet" />
                </button>
              </>
            )}
          </div>
        </>
      )}
      {run.state === 'stopped' && (
        <>
          <p role={run.reason === 'cancelled' ? 'status' : 'alert'}>
            <FormattedMessage
              id="profiles.generate-dialog.stopped"
              values={
                run.reason === 'cancelled'
                  ? { ending: 'cancelled', cause: '' }
                  : { ending: 'failed', cause: failureCause(intl, run.reason) }
              }
            />
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setRun({ state: 'form' })}>
              <FormattedMessage id="profiles.generate-dialog.back" />
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
