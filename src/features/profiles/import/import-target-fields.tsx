import { FormattedMessage } from 'react-intl';
import { useId } from 'react';
import type { ProfileSet } from '../../../storage/records.ts';
import type { ImportTarget } from '../../../workers/profiles/profiles-protocol.ts';

interface ImportTargetFieldsProps {
  sets: readonly ProfileSet[];
  target: ImportTarget;
  onChange: (target: ImportTarget) => void;
  /** The name a new set gets unless changed. */
  defaultName: string;
}

/** Chooses where the profiles go: a new named set, or an existing set (replaced or added to). */
export function ImportTargetFields({
  sets,
  target,
  onChange,
  defaultName,
}: ImportTargetFieldsProps) {
  const intoId = useId();
  const nameId = useId();
  const modeName = useId();
  return (
    <div className="mapping-grid">
      <div className="mapping-field">
        <label htmlFor={intoId}>
          <FormattedMessage id="profiles.import-target-fields.importInto" />
        </label>
        <select
          id={intoId}
          value={target.kind === 'new' ? '' : target.setId}
          title={target.kind === 'new' ? undefined : sets.find((s) => s.id === target.setId)?.name}
          onChange={(e) =>
            onChange(
              e.target.value === ''
                ? { kind: 'new', name: defaultName }
                : { kind: 'existing', setId: e.target.value, mode: 'append' },
            )
          }
        >
          <option value="">
            <FormattedMessage id="profiles.import-target-fields.aNewProfileSet" />
          </option>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {target.kind === 'new' ? (
        <div className="mapping-field">
          <label htmlFor={nameId}>
            <FormattedMessage id="profiles.import-target-fields.setName" />
          </label>
          <input
            id={nameId}
            type="text"
            value={target.name}
            onChange={(e) => onChange({ ...target, name: e.target.value })}
          />
        </div>
      ) : (
        <fieldset className="mapping-field inline-choices">
          <legend className="field-label">
            <FormattedMessage id="profiles.import-target-fields.profilesAlreadyInTheSet" />
          </legend>
          {(['append', 'replace'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name={modeName}
                checked={target.mode === mode}
                onChange={() => onChange({ ...target, mode })}
              />
              {mode === 'append' ? (
                <FormattedMessage id="profiles.import-target-fields.keep" />
              ) : (
                <FormattedMessage id="profiles.import-target-fields.replace" />
              )}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
