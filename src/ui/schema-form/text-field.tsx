import { FieldShell, type FieldBaseProps } from './field-shell.tsx';

export interface TextFieldProps extends FieldBaseProps {
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'time' | 'date' | 'datetime-local' | 'search' | 'url';
  /** The id of a `<datalist>` offering completions. */
  list?: string | undefined;
  placeholder?: string;
}

/** A labelled text input or textarea. */
export function TextField({
  value,
  onChange,
  multiline,
  type,
  list,
  placeholder,
  ...shell
}: TextFieldProps) {
  return (
    <FieldShell {...shell}>
      {(aria) =>
        multiline === true ? (
          <textarea
            {...aria}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...aria}
            type={type ?? 'text'}
            value={value}
            list={list}
            placeholder={placeholder}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FieldShell>
  );
}
