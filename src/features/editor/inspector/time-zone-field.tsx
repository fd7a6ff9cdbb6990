import { FormattedMessage, useIntl } from 'react-intl';
import { useMemo, useState } from 'react';
import type { FieldIssue } from '../../../ui/schema-form/field-issues.ts';
import { FieldShell } from '../../../ui/schema-form/field-shell.tsx';

let zones: readonly string[] | undefined;

/** Every IANA zone the runtime knows, with UTC first. */
function allZones(): readonly string[] {
  if (zones === undefined) {
    const known =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = ['UTC', ...known.filter((z) => z !== 'UTC')];
  }
  return zones;
}

export interface TimeZoneFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(zone: string): void;
  issues?: readonly FieldIssue[] | undefined;
}

/** A time-zone select with a search box that narrows its options (the chosen zone always stays listed). */
export function TimeZoneField({ id, label, value, onChange, issues }: TimeZoneFieldProps) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const q = query.trim().toLowerCase().replace(/\s+/g, '_');
    const found = q === '' ? allZones() : allZones().filter((z) => z.toLowerCase().includes(q));
    return found.includes(value) ? found : [value, ...found];
  }, [query, value]);
  return (
    <div className="tz-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <FormattedMessage id="editor.time-zone-field.searchTimeZones" />
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          placeholder={intl.formatMessage({ id: 'editor.time-zone-field.eGBerlin' })}
          aria-controls={id}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <FieldShell
        id={id}
        label={label}
        issues={issues}
        hint={intl.formatMessage(
          { id: 'editor.time-zone-field.zonesShown' },
          { length: options.length },
        )}
      >
        {(aria) => (
          <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
            {options.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
    </div>
  );
}
