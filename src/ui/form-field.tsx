import { Children, cloneElement, isValidElement, type ReactNode } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
}

/** `children` with the control whose `id` is `id` also described by `hintId`. */
function describedByHint(children: ReactNode, id: string, hintId: string): ReactNode {
  return Children.map(children, (child) => {
    if (!isValidElement<ControlProps>(child) || child.props.id !== id) return child;
    const own = child.props['aria-describedby'];
    return cloneElement(child, {
      'aria-describedby': own === undefined ? hintId : `${own} ${hintId}`,
    });
  });
}

/**
 * A form field: its label above the control it names (the child whose `id` is `id`), and a hint
 * below when given, which that control is described by (`aria-describedby`): screen readers read
 * the hint with the control.
 */
export function FormField({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? children : describedByHint(children, id, hintId)}
      {hint !== undefined && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
