/** A column of a data table; numeric columns are right-aligned. */
export interface TableColumn {
  label: string;
  numeric?: boolean;
}

/** The header row of a data table, one `th scope="col"` per column. */
export function TableHead({ columns }: { columns: readonly (TableColumn | string)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, numeric } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={numeric ? 'num' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
