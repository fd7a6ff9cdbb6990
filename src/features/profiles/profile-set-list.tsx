import { useState } from 'react';
import { Link } from 'react-router';
import type { ProfileSet } from '../../storage/records.ts';
import { ConfirmDialog } from '../../ui/dialog.tsx';
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

type Pending = { action: 'clear' | 'delete'; set: ProfileSet } | undefined;

/** The profile sets with their actions; clear and delete ask first. */
export function ProfileSetList({ sets, onExport, onClear, onDelete }: ProfileSetListProps) {
  const [pending, setPending] = useState<Pending>();
  return (
    <>
      <table className="data-table card profile-sets" aria-label="Profile sets">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Profiles
            </th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
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
                    aria-label={`Export ${set.name} as JSON`}
                    onClick={() => onExport(set)}
                  >
                    Export JSON
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Clear ${set.name}`}
                    disabled={set.count === 0}
                    onClick={() => setPending({ action: 'clear', set })}
                  >
                    Clear
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost danger-text"
                    aria-label={`Delete ${set.name}`}
                    onClick={() => setPending({ action: 'delete', set })}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={pending !== undefined}
        onOpenChange={(open) => !open && setPending(undefined)}
        title={
          pending?.action === 'delete'
            ? `Delete "${pending.set.name}"?`
            : `Clear "${pending?.set.name ?? ''}"?`
        }
        description={
          pending?.action === 'delete'
            ? `The set and its ${plural(pending.set.count, 'profile')} are removed from this browser.`
            : `Its ${plural(pending?.set.count ?? 0, 'profile')} are removed; the empty set stays.`
        }
        confirmLabel={pending?.action === 'delete' ? 'Delete set' : 'Clear set'}
        danger
        onConfirm={() => {
          if (!pending) return;
          if (pending.action === 'delete') onDelete(pending.set);
          else onClear(pending.set);
        }}
      />
    </>
  );
}
