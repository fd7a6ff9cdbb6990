import { useIntl } from 'react-intl';
import type { Diagnostic } from '../../../domain/index.ts';
import { diagnosticContent } from '../../../i18n/diagnostic-content.tsx';

/** Errors first, then warnings, each with a badge; nothing when there are none. */
export function DiagnosticList({
  diagnostics,
  label,
  placeOf,
}: {
  diagnostics: readonly Diagnostic[];
  label: string;
  /** Where a problem's field is, in the form's labels ("Branch 1 › Condition"). */
  placeOf?: ((d: Diagnostic) => string | undefined) | undefined;
}) {
  const intl = useIntl();
  if (diagnostics.length === 0) return null;
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <ul className="inspector-diagnostics" aria-label={label}>
      {sorted.map((d, i) => (
        <li key={i} className={`inspector-diagnostic inspector-diagnostic-${d.severity}`}>
          <span className={`badge ${d.severity === 'error' ? 'badge-error' : 'badge-warning'}`}>
            {d.severity === 'error'
              ? intl.formatMessage({ id: 'editor.diagnostic-list.error' })
              : intl.formatMessage({ id: 'editor.diagnostic-list.warning' })}
          </span>
          <span>{diagnosticContent(intl, d, placeOf?.(d))}</span>
        </li>
      ))}
    </ul>
  );
}
