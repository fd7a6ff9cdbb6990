import { FormattedMessage, useIntl } from 'react-intl';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { failureCause } from '../../i18n/failure-words.ts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { downloadParts } from '../../ui/download.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { GenerateDialog } from './generate/generate-dialog.tsx';
import { ImportDialog } from './import/import-dialog.tsx';
import { ProfileSetList } from './profile-set-list.tsx';
import { useProfilesServices, useWarmSetTables } from './profiles-services.tsx';
import { useProfileSets } from './use-profile-sets.ts';
import './profiles.css';

/** The profile sets kept in this browser: generate, import, open, export, clear, delete. */
export function ProfilesPage() {
  const { repo } = useProfilesServices();
  const intl = useIntl();
  useWarmSetTables();
  const sets = useProfileSets();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'generate' | 'import' | undefined>();
  const [error, setError] = useState<
    { action: 'export' | 'clear' | 'delete'; reason: FailureReason } | undefined
  >();
  const openSet = (setId: string) => void navigate(`/profiles/${setId}`);
  const attempt = (action: 'export' | 'clear' | 'delete', work: () => Promise<void>) => {
    setError(undefined);
    work().catch((e: unknown) => setError({ action, reason: failureReasonOf(e) }));
  };

  return (
    <section className="page">
      <PageHeader
        title={<FormattedMessage id="profiles.profiles-page.profiles" />}
        subtitle={<FormattedMessage id="profiles.profiles-page.sampleCustomerProfilesKeptIn" />}
      >
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => setDialog('import')}>
            <FormattedMessage id="profiles.profiles-page.importFile" />
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setDialog('generate')}>
            <FormattedMessage id="profiles.profiles-page.generateProfiles" />
          </button>
        </div>
      </PageHeader>
      {error && (
        <p role="alert" className="field-error">
          <FormattedMessage
            id="profiles.profiles-page.actionFailed"
            values={{ action: error.action, cause: failureCause(intl, error.reason) }}
          />
        </p>
      )}
      {sets === undefined ? (
        <p className="muted">
          <FormattedMessage id="profiles.profiles-page.loadingProfileSets" />
        </p>
      ) : sets.length === 0 ? (
        <div className="card empty-state">
          <h2>
            <FormattedMessage id="profiles.profiles-page.noProfileSetsYet" />
          </h2>
          <p className="muted">
            <FormattedMessage id="profiles.profiles-page.generateRealisticSampleCustomersOr" />
          </p>
        </div>
      ) : (
        <ProfileSetList
          sets={sets}
          onExport={(set) =>
            attempt('export', () =>
              downloadParts(
                `${set.name.replace(/[^\w.-]+/g, '-')}.json`,
                repo.exportSetParts(set.id),
              ),
            )
          }
          onClear={(set) => attempt('clear', () => repo.clearSet(set.id))}
          onDelete={(set) => attempt('delete', () => repo.deleteSet(set.id))}
        />
      )}
      <GenerateDialog
        open={dialog === 'generate'}
        onOpenChange={(open) => setDialog(open ? 'generate' : undefined)}
        onOpenSet={openSet}
      />
      <ImportDialog
        open={dialog === 'import'}
        onOpenChange={(open) => setDialog(open ? 'import' : undefined)}
        sets={sets ?? []}
        onOpenSet={openSet}
      />
    </section>
  );
}
