import type { ReactNode } from 'react';

/**
 * A form field: its label above the control it names (the child whose `id` is `id`), and a hint
 * below when given (`hintId` lets the control point at it with `aria-describedby`).
 */
export function FormField({
  id,
  label,
  hint,
  hintId,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  hintId?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
