import { FormattedMessage } from 'react-intl';

/** A column of a data table; numeric columns are right-aligned. */
export interface TableColumn {
  label: string;
  numeric?: boolean;
}

/**
 * The header row of a data table, one `th scope="col"` per column, and with `actions` a last
 * column for each row's buttons, named for screen readers only.
 */
export function TableHead({
  columns,
  actions = false,
}: {
  columns: readonly (TableColumn | string | false)[];
  actions?: boolean;
}) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          const { label, numeric } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={numeric ? 'num' : undefined}>
              {label}
            </th>
          );
        })}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">
              <FormattedMessage id="common.actions" />
            </span>
          </th>
        )}
      </tr>
    </thead>
  );
}
