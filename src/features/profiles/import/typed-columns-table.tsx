import { FormattedMessage, useIntl } from 'react-intl';
import type { ColumnMapping, ValueType } from '../../../domain/profiles/import/mapping.ts';
import {
  includeColumn,
  otherColumns,
  typedColumns,
  updateTyped,
  VALUE_TYPES,
} from './mapping-edit.ts';
import { TableHead } from '../../../ui/table-head.tsx';

interface TypedColumnsTableProps {
  mapping: ColumnMapping;
  headers: readonly string[];
  onChange: (mapping: ColumnMapping) => void;
}

/** The remaining columns, each imported (or not) as a typed custom attribute or event property. */
export function TypedColumnsTable({ mapping, headers, onChange }: TypedColumnsTableProps) {
  const intl = useIntl();
  const columns = otherColumns(mapping, headers);
  const typed = new Map(typedColumns(mapping).map((t) => [t.column, t]));
  if (columns.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="profiles.typed-columns-table.everyColumnIsUsedAbove" />
      </p>
    );
  return (
    <table className="data-table mapping-table">
      <TableHead
        columns={[
          intl.formatMessage({ id: 'profiles.typed-columns-table.column' }),
          intl.formatMessage(
            { id: 'profiles.typed-columns-table.importAs' },
            { what: mapping.events ? 'event' : 'attribute' },
          ),
          intl.formatMessage({ id: 'profiles.typed-columns-table.name' }),
          intl.formatMessage({ id: 'profiles.typed-columns-table.type' }),
        ]}
      />
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
                  aria-label={intl.formatMessage(
                    { id: 'profiles.typed-columns-table.importColumn' },
                    { column },
                  )}
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
                  aria-label={intl.formatMessage(
                    { id: 'profiles.typed-columns-table.nameFor' },
                    { column },
                  )}
                  value={entry?.key ?? ''}
                  disabled={entry === undefined}
                  onChange={(e) => onChange(updateTyped(mapping, column, { key: e.target.value }))}
                />
              </td>
              <td>
                <select
                  aria-label={intl.formatMessage(
                    { id: 'profiles.typed-columns-table.typeOf' },
                    { column },
                  )}
                  value={entry?.type ?? 'text'}
                  disabled={entry === undefined}
                  onChange={(e) =>
                    onChange(updateTyped(mapping, column, { type: e.target.value as ValueType }))
                  }
                >
                  {VALUE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {intl.formatMessage({ id: `cond.valueType.${t}` })}
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
