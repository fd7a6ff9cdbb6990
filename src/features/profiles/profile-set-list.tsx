import { Link } from 'react-router';
import type { ProfileSet } from '../../storage/records.ts';
import { TableHead } from '../../ui/table-head.tsx';
import { useConfirm } from '../../ui/use-confirm.tsx';
import { formatCount, formatWhen, plural } from './format.ts';
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
  const confirmClear = useConfirm(
    (set: ProfileSet) => ({
      title: `Clear "${set.name}"?`,
      description: `Its ${plural(set.count, 'profile')} are removed; the empty set stays.`,
      confirmLabel: 'Clear set',
    }),
    onClear,
  );
  const confirmDelete = useConfirm(
    (set: ProfileSet) => ({
      title: `Delete "${set.name}"?`,
      description: `The set and its ${plural(set.count, 'profile')} are removed from this browser.`,
      confirmLabel: 'Delete set',
    }),
    onDelete,
  );
  return (
    <>
      <table className="data-table card profile-sets" aria-label="Profile sets">
        <TableHead
          columns={['Name', 'Source', { label: 'Profiles', numeric: true }, 'Updated']}
          actions
        />
        <tbody>
          {sets.map((set) => (
            <tr key={set.id}>
              <td>
                <Link to={`/profiles/${set.id}`}>
                  <TruncatedText text={set.name} fallback="Untitled set" />
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
                    aria-label={`Export JSON: ${set.name}`}
                    onClick={() => onExport(set)}
                  >
                    Export JSON
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Clear ${set.name}`}
                    disabled={set.count === 0}
                    onClick={() => confirmClear.ask(set)}
                  >
                    Clear
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost danger-text"
                    aria-label={`Delete ${set.name}`}
                    onClick={() => confirmDelete.ask(set)}
                  >
                    Delete
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
