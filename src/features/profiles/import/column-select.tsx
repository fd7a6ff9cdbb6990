import { FormattedMessage } from 'react-intl';
import { useId } from 'react';

interface ColumnSelectProps {
  label: string;
  value: string;
  headers: readonly string[];
  onChange: (column: string) => void;
  /** When false there is no "not in the file" choice. */
  optional?: boolean;
}

/** Picks the file column a field is read from. */
export function ColumnSelect({
  label,
  value,
  headers,
  onChange,
  optional = true,
}: ColumnSelectProps) {
  const id = useId();
  return (
    <div className="mapping-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {optional && (
          <option value="">
            <FormattedMessage id="profiles.column-select.notInTheFile" />
          </option>
        )}
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );
}
