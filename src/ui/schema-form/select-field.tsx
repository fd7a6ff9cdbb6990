import { FieldShell, type FieldBaseProps } from './field-shell.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldBaseProps {
  value: string | undefined;
  options: readonly SelectOption[];
  onChange(value: string): void;
  /** Text of an empty first option (value `''`), for fields that may be left unset. */
  emptyLabel?: string;
}

/** A labelled native select: keyboard and screen-reader behaviour come for free. */
export function SelectField({ value, options, onChange, emptyLabel, ...shell }: SelectFieldProps) {
  const unset = value === undefined || value === '';
  const known = unset || options.some((o) => o.value === value);
  return (
    <FieldShell {...shell}>
      {(aria) => (
        <select {...aria} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          {(emptyLabel !== undefined || unset) && <option value="">{emptyLabel ?? '—'}</option>}
          {!known && <option value={value}>{value}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
