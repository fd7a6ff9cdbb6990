import { FieldShell, type FieldBaseProps } from './field-shell.tsx';

export interface CheckboxFieldProps extends Omit<FieldBaseProps, 'hideLabel'> {
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A labelled checkbox. */
export function CheckboxField({ checked, onChange, ...shell }: CheckboxFieldProps) {
  return (
    <FieldShell {...shell} inline>
      {(aria) => (
        <input
          {...aria}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
      )}
    </FieldShell>
  );
}
