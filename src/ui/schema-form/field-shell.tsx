import type { ReactNode } from 'react';
import type { FieldIssue } from './field-issues.ts';

/** The attributes a control needs to be tied to its label, hint and messages. */
export interface ControlAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** What every labelled field takes besides its value. */
export interface FieldBaseProps {
  id: string;
  label: string;
  issues?: readonly FieldIssue[] | undefined;
  hint?: string | undefined;
  /** Keep the label for screen readers only (compact rows). */
  hideLabel?: boolean;
  className?: string;
}

export interface FieldShellProps extends FieldBaseProps {
  /** A message the control found itself (e.g. a half-typed number), shown before the others. */
  localError?: string | undefined;
  /** Checkbox layout: control first, label after. */
  inline?: boolean;
  children: (aria: ControlAria) => ReactNode;
}

/** Builds the messages a field shows and the aria attributes pointing at them. */
export function fieldMessages(
  id: string,
  issues: readonly FieldIssue[] | undefined,
  hint?: string,
  localError?: string,
): { aria: ControlAria; messages: ReactNode } {
  const list: FieldIssue[] = [];
  if (localError !== undefined) list.push({ path: '', message: localError, severity: 'error' });
  for (const i of issues ?? []) if (!list.some((l) => l.message === i.message)) list.push(i);
  const ids: string[] = [];
  if (hint !== undefined) ids.push(`${id}-hint`);
  list.forEach((_, n) => ids.push(`${id}-msg-${n}`));
  const invalid = list.some((i) => i.severity === 'error');
  return {
    aria: {
      id,
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    },
    messages: (
      <>
        {hint !== undefined && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        {list.map((issue, n) => (
          <p
            key={n}
            id={`${id}-msg-${n}`}
            className={issue.severity === 'error' ? 'field-error' : 'field-warning'}
          >
            {issue.message}
          </p>
        ))}
      </>
    ),
  };
}

/** A labelled control with its hint and messages beside it. */
export function FieldShell({
  id,
  label,
  issues,
  hint,
  localError,
  inline,
  hideLabel,
  className,
  children,
}: FieldShellProps) {
  const { aria, messages } = fieldMessages(id, issues, hint, localError);
  const labelNode = (
    <label htmlFor={id} className={hideLabel === true ? 'visually-hidden' : undefined}>
      {label}
    </label>
  );
  return (
    <div
      className={['field', inline === true ? 'sf-inline' : '', className ?? '']
        .filter((c) => c !== '')
        .join(' ')}
    >
      {inline === true ? (
        <span className="sf-inline-row">
          {children(aria)}
          {labelNode}
        </span>
      ) : (
        <>
          {labelNode}
          {children(aria)}
        </>
      )}
      {messages}
    </div>
  );
}
