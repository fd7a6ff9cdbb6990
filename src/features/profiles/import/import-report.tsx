import type { ImportReport as Report } from '../../../domain/profiles/import/report.ts';
import { formatCount, plural } from '../format.ts';

const REASON_LABELS: Record<string, string> = {
  empty_file: 'Empty file',
  unknown_column: 'Unknown column',
  malformed_row: 'Malformed row',
  missing_id: 'Missing id',
  invalid_email: 'Invalid email',
  invalid_phone: 'Invalid phone',
  invalid_date: 'Invalid date',
  invalid_timestamp: 'Invalid time',
  invalid_number: 'Invalid number',
  invalid_boolean: 'Invalid yes/no',
  invalid_time_zone: 'Unknown time zone',
  missing_event_name: 'Missing event name',
  bad_json: 'Bad JSON',
  invalid_profile: 'Not a profile',
  unrecognised_format: 'Unrecognised format',
  unbalanced_quote: 'Unbalanced quote',
  binary_file: 'Not a text file',
  invalid_value: 'Value cannot be stored',
};

/** Rows listed at most; the rest are counted. */
const SHOWN = 200;

/** What an import did: profiles imported, duplicates merged, rows rejected and why. */
export function ImportReport({ report }: { report: Report }) {
  const mergedRecords = report.merged.reduce((n, g) => n + g.records - 1, 0);
  return (
    <div className="import-report">
      {report.refused && (
        <p role="alert" className="field-error">
          Nothing was imported. Line {report.refused.row}: {report.refused.message}
        </p>
      )}
      <ul className="report-summary" aria-label="Import summary">
        <li>
          <strong>{plural(report.imported, 'profile')}</strong> imported from{' '}
          {plural(report.rows, 'row')}
        </li>
        <li>
          <strong>{plural(mergedRecords, 'duplicate')}</strong> merged
          {report.merged.length > 0 && ` into ${plural(report.merged.length, 'profile')}`}
        </li>
        <li>
          <strong>{plural(report.rejected.length, 'row')}</strong> rejected
        </li>
      </ul>
      {report.merged.length > 0 && (
        <details>
          <summary>Merged duplicates</summary>
          <table className="data-table" aria-label="Merged duplicates">
            <thead>
              <tr>
                <th scope="col">Kept id</th>
                <th scope="col">Merged records</th>
                <th scope="col">Matched by</th>
              </tr>
            </thead>
            <tbody>
              {report.merged.slice(0, SHOWN).map((group) => (
                <tr key={group.id}>
                  <td>{group.id}</td>
                  <td>{group.mergedIds.join(', ')}</td>
                  <td>{group.matchedBy.join(' and ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {report.rejected.length > 0 && (
        <div className="report-rejected">
          <table className="data-table" aria-label="Rejected rows">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Reason</th>
                <th scope="col">Column</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.slice(0, SHOWN).map((r, i) => (
                <tr key={`${r.row}-${i}`}>
                  <td>{r.row}</td>
                  <td>{REASON_LABELS[r.reason] ?? r.reason}</td>
                  <td>{r.column ?? ''}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rejected.length > SHOWN && (
            <p className="muted">
              and {formatCount(report.rejected.length - SHOWN)} more rejected rows.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
