import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
}

/** Whether `child` is the control whose `id` is `id`. */
function isControl(child: ReactNode, id: string): child is ReactElement<ControlProps> {
  return isValidElement<ControlProps>(child) && child.props.id === id;
}

/** `children` with the control whose `id` is `id` also described by `hintId`. */
function describedByHint(children: ReactNode, id: string, hintId: string): ReactNode {
  if (import.meta.env.DEV && !Children.toArray(children).some((child) => isControl(child, id)))
    console.warn(`FormField ${id}: no direct child has this id, so its hint describes nothing`);
  return Children.map(children, (child) => {
    if (!isControl(child, id)) return child;
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
 *
 * Only a direct child is looked for: a control inside a wrapper (or a component that passes `id`
 * on) is not described, so wire `aria-describedby` to `${id}-hint` by hand there. Development
 * builds warn when no child took the hint.
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
