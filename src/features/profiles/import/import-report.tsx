import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportReport as Report } from '../../../domain/profiles/import/report.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import { describeRejection, REJECTION_REASONS } from './describe-rejection.ts';

/** Rows listed at most; the rest are counted. */
const SHOWN = 200;

/** What an import did: profiles imported, duplicates merged, rows rejected and why. */
export function ImportReport({ report }: { report: Report }) {
  const intl = useIntl();
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  const mergedRecords = report.merged.reduce((n, g) => n + g.records - 1, 0);
  return (
    <div className="import-report">
      {report.refused && (
        <p role="alert" className="field-error">
          <FormattedMessage
            id="profiles.import-report.nothingWasImportedLine"
            values={{
              row: report.refused.row,
              message: describeRejection(intl, report.refused),
            }}
          />
        </p>
      )}
      <ul
        className="report-summary"
        aria-label={intl.formatMessage({ id: 'profiles.import-report.importSummary' })}
      >
        <li>
          <FormattedMessage
            id="profiles.import-report.importedFrom"
            values={{ imported: report.imported, rows: report.rows, strong }}
          />
        </li>
        <li>
          <FormattedMessage
            id="profiles.import-report.merged"
            values={{ duplicates: mergedRecords, profiles: report.merged.length, strong }}
          />
        </li>
        <li>
          <FormattedMessage
            id="profiles.import-report.rejected"
            values={{ rows: report.rejected.length, strong }}
          />
        </li>
      </ul>
      {report.merged.length > 0 && (
        <details>
          <summary>
            <FormattedMessage id="profiles.import-report.mergedDuplicates" />
          </summary>
          <table
            className="data-table"
            aria-label={intl.formatMessage({ id: 'profiles.import-report.mergedDuplicates' })}
          >
            <TableHead
              columns={[
                intl.formatMessage({ id: 'profiles.import-report.keptId' }),
                intl.formatMessage({ id: 'profiles.import-report.mergedRecords' }),
                intl.formatMessage({ id: 'profiles.import-report.matchedBy' }),
              ]}
            />
            <tbody>
              {report.merged.slice(0, SHOWN).map((group) => (
                <tr key={group.id}>
                  <td>{group.id}</td>
                  <td>{group.mergedIds.join(', ')}</td>
                  <td>{intl.formatList(group.matchedBy, { type: 'conjunction' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {report.rejected.length > 0 && (
        <div className="report-rejected">
          <table
            className="data-table"
            aria-label={intl.formatMessage({ id: 'profiles.import-report.rejectedRows' })}
          >
            <TableHead
              columns={[
                intl.formatMessage({ id: 'profiles.import-report.row' }),
                intl.formatMessage({ id: 'profiles.import-report.reason' }),
                intl.formatMessage({ id: 'profiles.import-report.column' }),
                intl.formatMessage({ id: 'profiles.import-report.details' }),
              ]}
            />
            <tbody>
              {report.rejected.slice(0, SHOWN).map((r, i) => (
                <tr key={`${r.row}-${i}`}>
                  <td>{r.row}</td>
                  <td>{intl.formatMessage(REJECTION_REASONS[r.reason])}</td>
                  <td>{r.column ?? ''}</td>
                  <td>{describeRejection(intl, r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rejected.length > SHOWN && (
            <p className="muted">
              <FormattedMessage
                id="profiles.import-report.moreRejectedRows"
                values={{ count: report.rejected.length - SHOWN }}
              />
            </p>
          )}
        </div>
      )}
    </div>
  );
}
