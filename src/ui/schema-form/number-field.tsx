import { useState } from 'react';
import { FieldShell, type FieldBaseProps } from './field-shell.tsx';

export interface NumberFieldProps extends FieldBaseProps {
  value: number | null | undefined;
  /** Called with the number typed, or `emptyValue` while the box is empty or unreadable. */
  onChange(value: number | null | undefined): void;
  /** What an empty box means: `undefined` (unset, the default) or `null`. */
  emptyValue?: null | undefined;
  integer?: boolean;
  min?: number | undefined;
  max?: number | undefined;
}

function format(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function blank(v: number | null | undefined): boolean {
  return v === undefined || v === null || Number.isNaN(v);
}

/** Equal, or both "no number" (empty, null or NaN), so a parent's stand-in for empty does not reset the draft. */
function same(a: number | null | undefined, b: number | null | undefined): boolean {
  return Object.is(a, b) || (blank(a) && blank(b));
}

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number input that keeps what the user typed (e.g. `1.` or `-`) while it is not yet a
 * number, emitting the empty value meanwhile so the form can report it.
 */
export function NumberField({
  value,
  onChange,
  emptyValue,
  integer,
  min,
  max,
  issues,
  ...shell
}: NumberFieldProps) {
  const [draft, setDraft] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  const [badInput, setBadInput] = useState(false);
  if (!same(shown, value)) {
    // The value changed from outside (undo, another control): show it unless the draft already means it.
    setShown(value);
    if (!same(parse(draft) ?? emptyValue, value)) {
      setDraft(format(value));
      setBadInput(false);
    }
  }
  const localError =
    badInput || (draft.trim() !== '' && parse(draft) === undefined) ? 'Enter a number.' : undefined;
  return (
    <FieldShell {...shell} issues={localError === undefined ? issues : []} localError={localError}>
      {(aria) => (
        <input
          {...aria}
          type="number"
          inputMode={integer === true ? 'numeric' : 'decimal'}
          step={integer === true ? 1 : 'any'}
          min={min}
          max={max}
          value={draft}
          onChange={(e) => {
            const text = e.target.value;
            const next = parse(text) ?? emptyValue;
            setDraft(text);
            setBadInput(e.target.validity?.badInput === true);
            setShown(next);
            onChange(next);
          }}
        />
      )}
    </FieldShell>
  );
}
