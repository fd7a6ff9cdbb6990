import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useRef, useState } from 'react';
import { type ColumnMapping, mappedColumns } from '../../../domain/profiles/import/mapping.ts';
import type { ProfileSet } from '../../../storage/records.ts';
import { Dialog } from '../../../ui/dialog.tsx';
import { FormField } from '../../../ui/form-field.tsx';
import type {
  ImportOutcome,
  ImportTarget,
  JobProgress,
} from '../../../workers/profiles/profiles-protocol.ts';
import { ProgressBar } from '../progress-bar.tsx';
import { type JobHandle, useProfilesServices } from '../profiles-services.tsx';
import type { ChoosableEncoding } from '../../../domain/profiles/import/text-encoding.ts';
import { EncodingField } from './encoding-field.tsx';
import { ImportMappingStep } from './import-mapping-step.tsx';
import { ImportReport } from './import-report.tsx';
import { CDNOW_SAMPLE_NAME, fetchCdnowSample, SampleDownloadError } from './cdnow-sample.ts';
import { describeRejection } from './describe-rejection.ts';
import { failureReasonOf, type FailureReason } from '../../../domain/failure/failure-reason.ts';
import type { Rejection } from '../../../domain/profiles/import/report.ts';
import { failureCause } from '../../../i18n/failure-words.ts';
import { ImportTargetFields } from './import-target-fields.tsx';
import { mappingProblem } from './mapping-edit.ts';
import { type SniffedFile, setNameFromFile, sniffFile, withLateEncoding } from './sniff-file.ts';

type ImportableFile = Exclude<SniffedFile, { kind: 'refused' }>;

type Step =
  | { step: 'pick'; refusal?: Rejection }
  /** `refusal`: an import refused for a line past the head that is not UTF-8, to choose for. */
  | { step: 'ready'; file: File; sniffed: ImportableFile; refusal?: Rejection }
  | { step: 'running'; progress: JobProgress }
  | { step: 'report'; outcome: ImportOutcome }
  | { step: 'failed'; why: ImportFailure };

/** Why an import did not run to its report: each is worded whole (`import-dialog.failed`). */
type ImportFailure =
  | { kind: 'cancelled' }
  | { kind: 'download'; status: number | null }
  | { kind: 'notCdnow' }
  | { kind: 'failed'; reason: FailureReason };

const KIND_LABELS = defineMessages({
  csv: { id: 'profiles.import-dialog.kind.csv' },
  json: { id: 'profiles.import-dialog.kind.json' },
  cdnow: { id: 'profiles.import-dialog.kind.cdnow' },
});

interface ImportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  sets: readonly ProfileSet[];
  /** Opens the set the profiles went into. */
  onOpenSet: (setId: string) => void;
}

/** Pick a file, map its columns (CSV), import it with progress, then read the report. */
export function ImportDialog({ open, onOpenChange, sets, onOpenSet }: ImportDialogProps) {
  const intl = useIntl();
  const { jobs } = useProfilesServices();
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [mapping, setMapping] = useState<ColumnMapping | undefined>();
  const [target, setTarget] = useState<ImportTarget>({ kind: 'new', name: '' });
  const job = useRef<JobHandle<ImportOutcome> | undefined>(undefined);
  /** The file picked last, so a read that ends after a later pick or choice is dropped. */
  const picked = useRef<File | undefined>(undefined);
  const reading = useRef(0);

  /**
   * Reads the preview again in the encoding the user chose. The user's mapping stays while every
   * column it reads has the same header in that encoding; otherwise the suggested one replaces it.
   */
  const chooseEncoding = async (file: File, encoding: ChoosableEncoding) => {
    const read = ++reading.current;
    const sniffed = await sniffFile(file, encoding);
    if (read !== reading.current || picked.current !== file || sniffed.kind === 'refused') return;
    setMapping((current) => {
      if (sniffed.kind !== 'csv') return undefined;
      const headers = new Set(sniffed.headers);
      const kept = current && mappedColumns(current).every((column) => headers.has(column));
      return kept ? current : sniffed.mapping;
    });
    setState({ step: 'ready', file, sniffed });
  };

  const reset = () => {
    picked.current = undefined;
    setState({ step: 'pick' });
    setMapping(undefined);
    job.current = undefined;
  };
  const close = (next: boolean) => {
    if (!next && state.step === 'running') return;
    if (!next) reset();
    onOpenChange(next);
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    picked.current = file;
    const sniffed = await sniffFile(file);
    // A slow read of one file may end after the user picked another: the later pick wins.
    if (picked.current !== file) return;
    if (sniffed.kind === 'refused') {
      setState({ step: 'pick', refusal: sniffed.refusal });
      return;
    }
    setMapping(sniffed.kind === 'csv' ? sniffed.mapping : undefined);
    setTarget((t) => (t.kind === 'new' ? { kind: 'new', name: setNameFromFile(file.name) } : t));
    setState({ step: 'ready', file, sniffed });
  };

  /** One click: download the CDNOW sample and import it into a new set through the same job. */
  const loadSample = async () => {
    setState({ step: 'running', progress: { phase: 'reading', done: 0, total: 1 } });
    try {
      const file = await fetchCdnowSample();
      const sniffed = await sniffFile(file);
      if (sniffed.kind !== 'cdnow') setState({ step: 'failed', why: { kind: 'notCdnow' } });
      else start(file, sniffed, { kind: 'new', name: CDNOW_SAMPLE_NAME });
    } catch (error) {
      setState({
        step: 'failed',
        why:
          error instanceof SampleDownloadError
            ? { kind: 'download', status: error.status }
            : { kind: 'failed', reason: failureReasonOf(error) },
      });
    }
  };

  const start = (file: File, sniffed: ImportableFile, into: ImportTarget = target) => {
    setState({ step: 'running', progress: { phase: 'reading', done: 0, total: file.size } });
    const request = {
      file,
      kind: sniffed.kind,
      target: into,
      ...(sniffed.kind === 'csv' && mapping ? { mapping, encoding: sniffed.encoding } : {}),
    };
    const handle = jobs.importFile(request, (progress) => setState({ step: 'running', progress }));
    job.current = handle;
    handle.result.then(
      (outcome) => {
        const { refused, encodingChoice: late } = outcome.report;
        if (late === undefined || sniffed.kind !== 'csv') setState({ step: 'report', outcome });
        else {
          const offered = withLateEncoding(sniffed, late, late.encodings[0]);
          setState({
            step: 'ready',
            file,
            sniffed: offered,
            ...(refused ? { refusal: refused } : {}),
          });
        }
      },
      (error: unknown) =>
        setState(
          error instanceof DOMException && error.name === 'AbortError'
            ? { step: 'failed', why: { kind: 'cancelled' } }
            : { step: 'failed', why: { kind: 'failed', reason: failureReasonOf(error) } },
        ),
    );
  };

  const blocked =
    state.step === 'ready' &&
    ((mapping !== undefined && mappingProblem(mapping) !== undefined) ||
      (target.kind === 'new' && target.name.trim() === ''));

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={intl.formatMessage({ id: 'profiles.import-dialog.importProfiles' })}
      description={intl.formatMessage({ id: 'profiles.import-dialog.csvJsonNdjsonOrA' })}
    >
      <div
        className={
          state.step === 'ready' && state.sniffed.kind === 'csv'
            ? 'import-flow import-flow-wide'
            : 'import-flow'
        }
      >
        {(state.step === 'pick' || state.step === 'ready') && (
          <FormField
            id="profile-import-file"
            label={<FormattedMessage id="profiles.import-dialog.file" />}
          >
            <input
              id="profile-import-file"
              type="file"
              accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,text/csv,application/json"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </FormField>
        )}
        {state.step === 'pick' && state.refusal !== undefined && (
          <p role="alert" className="field-error">
            {describeRejection(intl, state.refusal)}
          </p>
        )}
        {state.step === 'pick' && (
          <div className="import-sample">
            <p className="muted">
              <FormattedMessage id="profiles.import-dialog.noFileAtHandTry" />
            </p>
            <button type="button" className="btn" onClick={() => void loadSample()}>
              <FormattedMessage id="profiles.import-dialog.loadTheCdnowSample" />
            </button>
          </div>
        )}
        {state.step === 'ready' && (
          <>
            <p className="badge badge-ok recognised">
              {intl.formatMessage(KIND_LABELS[state.sniffed.kind])}
            </p>
            <ImportTargetFields
              sets={sets}
              target={target}
              onChange={setTarget}
              defaultName={setNameFromFile(state.file.name)}
            />
            {state.refusal !== undefined && (
              <p role="alert" className="field-error">
                {describeRejection(intl, state.refusal)}
              </p>
            )}
            {state.sniffed.kind === 'csv' && state.sniffed.choice !== null && (
              <EncodingField
                {...state.sniffed.choice}
                onChange={(encoding) => {
                  const { sniffed } = state;
                  const late = sniffed.kind === 'csv' ? sniffed.choice?.late : undefined;
                  if (late === undefined || sniffed.kind !== 'csv')
                    void chooseEncoding(state.file, encoding);
                  else setState({ ...state, sniffed: withLateEncoding(sniffed, late, encoding) });
                }}
              />
            )}
            {state.sniffed.kind === 'csv' && state.sniffed.encoding.startsWith('utf-16') && (
              <p className="muted">
                <FormattedMessage id="profiles.import-encoding.readAsUtf16" />
              </p>
            )}
            {state.sniffed.kind === 'csv' && mapping && (
              <ImportMappingStep
                headers={state.sniffed.headers}
                rows={state.sniffed.rows}
                mapping={mapping}
                onChange={setMapping}
              />
            )}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => close(false)}>
                <FormattedMessage id="profiles.import-dialog.cancel" />
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={blocked}
                onClick={() => start(state.file, state.sniffed)}
              >
                <FormattedMessage id="profiles.import-dialog.import" />
              </button>
            </div>
          </>
        )}
        {state.step === 'running' && (
          <>
            <ProgressBar
              label={
                state.progress.phase === 'reading'
                  ? intl.formatMessage({ id: 'profiles.import-dialog.reading' })
                  : intl.formatMessage({ id: 'profiles.import-dialog.saving' })
              }
              value={state.progress.done}
              max={state.progress.total}
              {...(state.progress.phase === 'writing' ? { unit: 'profiles' } : {})}
            />
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => job.current?.cancel()}>
                <FormattedMessage id="profiles.import-dialog.cancelImport" />
              </button>
            </div>
          </>
        )}
        {state.step === 'report' && (
          <>
            <h3>
              {state.outcome.report.refused ? (
                <FormattedMessage id="profiles.import-dialog.refused" />
              ) : (
                <FormattedMessage id="profiles.import-dialog.finished" />
              )}
            </h3>
            <ImportReport report={state.outcome.report} />
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={reset}>
                <FormattedMessage id="profiles.import-dialog.importAnotherFile" />
              </button>
              {state.outcome.setId !== undefined && (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => {
                    const id = state.outcome.setId;
                    close(false);
                    if (id !== undefined) onOpenSet(id);
                  }}
                >
                  <FormattedMessage id="profiles.import-dialog.openSet" />
                </button>
              )}
              <button type="button" className="btn" onClick={() => close(false)}>
                <FormattedMessage id="profiles.import-dialog.close" />
              </button>
            </div>
          </>
        )}
        {state.step === 'failed' && (
          <>
            <p role="alert" className="field-error">
              <FormattedMessage
                id="profiles.import-dialog.failed"
                values={{
                  kind: state.why.kind,
                  status: state.why.kind === 'download' ? (state.why.status ?? 0) : 0,
                  offline:
                    state.why.kind === 'download' && state.why.status === null ? 'yes' : 'no',
                  cause: state.why.kind === 'failed' ? failureCause(intl, state.why.reason) : '',
                }}
              />
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={reset}>
                <FormattedMessage id="profiles.import-dialog.tryAgain" />
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
