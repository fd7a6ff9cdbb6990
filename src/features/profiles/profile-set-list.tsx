import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ProfileSet } from '../../storage/records.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { useConfirm } from '../../ui/use-confirm.tsx';
import { formatCount, formatWhen } from './format.ts';
import { TruncatedText } from '../../ui/truncated-text.tsx';

const SOURCE_LABELS: Record<ProfileSet['source'], string> = {
  generated: 'Generated',
  csv: 'CSV import',
  json: 'JSON import',
  cdnow: 'CDNOW',
  manual: 'Manual',
};

interface ProfileSetListProps {
  sets: readonly ProfileSet[];
  onExport: (set: ProfileSet) => void;
  onClear: (set: ProfileSet) => void;
  onDelete: (set: ProfileSet) => void;
}

/** The profile sets with their actions; clear and delete ask first. */
export function ProfileSetList({ sets, onExport, onClear, onDelete }: ProfileSetListProps) {
  const intl = useIntl();
  const confirmClear = useConfirm(
    (set: ProfileSet) => ({
      title: intl.formatMessage({ id: 'profiles.profile-set-list.clearTitle' }, { set: set.name }),
      description: intl.formatMessage(
        { id: 'profiles.profile-set-list.clearDescription' },
        { count: set.count },
      ),
      confirmLabel: intl.formatMessage({ id: 'profiles.profile-set-list.clearConfirm' }),
    }),
    onClear,
  );
  const confirmDelete = useConfirm(
    (set: ProfileSet) => ({
      title: intl.formatMessage({ id: 'profiles.profile-set-list.deleteTitle' }, { set: set.name }),
      description: intl.formatMessage(
        { id: 'profiles.profile-set-list.deleteDescription' },
        { count: set.count },
      ),
      confirmLabel: intl.formatMessage({ id: 'profiles.profile-set-list.deleteConfirm' }),
    }),
    onDelete,
  );
  return (
    <>
      <table
        className="data-table card profile-sets"
        aria-label={intl.formatMessage({ id: 'profiles.profile-set-list.profileSets' })}
      >
        <TableHead
          columns={[
            intl.formatMessage({ id: 'profiles.profile-set-list.name' }),
            intl.formatMessage({ id: 'profiles.profile-set-list.source' }),
            {
              label: intl.formatMessage({ id: 'profiles.profile-set-list.profiles' }),
              numeric: true,
            },
            intl.formatMessage({ id: 'profiles.profile-set-list.updated' }),
          ]}
          actions
        />
        <tbody>
          {sets.map((set) => (
            <tr key={set.id}>
              <td>
                <Link to={`/profiles/${set.id}`}>
                  <TruncatedText
                    text={set.name}
                    fallback={intl.formatMessage({ id: 'profiles.profile-set-list.untitledSet' })}
                  />
                </Link>
              </td>
              <td>
                <span className="badge">{SOURCE_LABELS[set.source]}</span>
              </td>
              <td className="num">{formatCount(set.count)}</td>
              <td>{formatWhen(set.updatedAt)}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={intl.formatMessage(
                      { id: 'profiles.profile-set-list.exportLabel' },
                      { set: set.name },
                    )}
                    onClick={() => onExport(set)}
                  >
                    <FormattedMessage id="profiles.profile-set-list.exportJson" />
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={intl.formatMessage(
                      { id: 'profiles.profile-set-list.clearLabel' },
                      { set: set.name },
                    )}
                    disabled={set.count === 0}
                    onClick={() => confirmClear.ask(set)}
                  >
                    <FormattedMessage id="profiles.profile-set-list.clear" />
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost danger-text"
                    aria-label={intl.formatMessage(
                      { id: 'profiles.profile-set-list.deleteLabel' },
                      { set: set.name },
                    )}
                    onClick={() => confirmDelete.ask(set)}
                  >
                    <FormattedMessage id="profiles.profile-set-list.delete" />
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirmClear.dialog}
      {confirmDelete.dialog}
    </>
  );
}
