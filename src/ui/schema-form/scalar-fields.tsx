import { useIntl } from 'react-intl';
import { useState } from 'react';
import { issuesUnder } from './field-issues.ts';
import { FieldShell } from './field-shell.tsx';
import { fieldId, issuesFor, useForm } from './form-context.ts';
import type { FieldSpec } from './schema-walk.ts';

type ScalarSpec = FieldSpec & { kind: 'scalar' };

function coerce(spec: ScalarSpec, text: string): unknown {
  const { accepts } = spec;
  if (text === '' && accepts.has('null') && !accepts.has('string')) return null;
  if (accepts.has('number') && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (accepts.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (text === 'null' && accepts.has('null')) return null;
  return text;
}

function show(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export interface DraftFieldProps<S extends FieldSpec> {
  spec: S;
  path: string;
  label: string;
  value: unknown;
  onChange(value: unknown): void;
}

/** A text box for a union of scalars (`string | number | boolean | null`), typed by what is entered. */
export function ScalarField({ spec, path, label, value, onChange }: DraftFieldProps<ScalarSpec>) {
  const intl = useIntl();
  const ctx = useForm();
  const [draft, setDraft] = useState(() => show(value));
  if (!Object.is(coerce(spec, draft), value) && show(value) !== draft) setDraft(show(value));
  const kinds = [...spec.accepts].join(', ');
  return (
    <FieldShell
      id={fieldId(ctx, path)}
      label={label}
      issues={issuesFor(ctx, path)}
      hint={
        spec.description ??
        intl.formatMessage({ id: 'ui.scalar-fields.acceptsNumbersAndTrueFalse' }, { kinds: kinds })
      }
    >
      {(aria) => (
        <input
          {...aria}
          type="text"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            onChange(coerce(spec, e.target.value));
          }}
        />
      )}
    </FieldShell>
  );
}

/** Last resort for shapes the form cannot draw: the value as JSON, applied once it parses. */
export function JsonField({ spec, path, label, value, onChange }: DraftFieldProps<FieldSpec>) {
  const intl = useIntl();
  const ctx = useForm();
  const [draft, setDraft] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <FieldShell
      id={fieldId(ctx, path)}
      label={label}
      issues={issuesUnder(ctx.issues, path)}
      hint={spec.description ?? intl.formatMessage({ id: 'ui.scalar-fields.editAsJson' })}
      localError={error}
    >
      {(aria) => (
        <textarea
          {...aria}
          className="sf-json"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            try {
              onChange(JSON.parse(e.target.value));
              setError(undefined);
            } catch {
              setError('Enter valid JSON.');
            }
          }}
        />
      )}
    </FieldShell>
  );
}
