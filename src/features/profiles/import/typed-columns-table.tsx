import type { ColumnMapping, ValueType } from '../../../domain/profiles/import/mapping.ts';
import {
  includeColumn,
  otherColumns,
  typedColumns,
  updateTyped,
  VALUE_TYPES,
} from './mapping-edit.ts';

interface TypedColumnsTableProps {
  mapping: ColumnMapping;
  headers: readonly string[];
  onChange: (mapping: ColumnMapping) => void;
}

/** The remaining columns, each imported (or not) as a typed custom attribute or event property. */
export function TypedColumnsTable({ mapping, headers, onChange }: TypedColumnsTableProps) {
  const columns = otherColumns(mapping, headers);
  const typed = new Map(typedColumns(mapping).map((t) => [t.column, t]));
  const what = mapping.events ? 'event property' : 'custom attribute';
  if (columns.length === 0) return <p className="muted">Every column is used above.</p>;
  return (
    <table className="data-table mapping-table">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Import as {what}</th>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => {
          const entry = typed.get(column);
          return (
            <tr key={column}>
              <td>
                <code>{column}</code>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Import ${column}`}
                  checked={entry !== undefined}
                  onChange={(e) =>
                    onChange(
                      includeColumn(mapping, column, e.target.checked, entry?.type ?? 'text'),
                    )
                  }
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`Name for ${column}`}
                  value={entry?.key ?? ''}
                  disabled={entry === undefined}
                  onChange={(e) => onChange(updateTyped(mapping, column, { key: e.target.value }))}
                />
              </td>
              <td>
                <select
                  aria-label={`Type of ${column}`}
                  value={entry?.type ?? 'text'}
                  disabled={entry === undefined}
                  onChange={(e) =>
                    onChange(updateTyped(mapping, column, { type: e.target.value as ValueType }))
                  }
                >
                  {VALUE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
