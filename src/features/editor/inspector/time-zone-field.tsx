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

/** Zones side by side in `zones` that share a region ("Europe"), as one group each. */
function groupedByRegion(zones: readonly string[]): { region: string; zones: string[] }[] {
  const groups: { region: string; zones: string[] }[] = [];
  for (const zone of zones) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : '';
    const last = groups.at(-1);
    if (last?.region === region) last.zones.push(zone);
    else groups.push({ region, zones: [zone] });
  }
  return groups;
}

/** A zone's place within its region, as people write it: "Argentina/Rio Gallegos". */
const placeOf = (zone: string) => zone.slice(zone.indexOf('/') + 1).replace(/_/g, ' ');

export interface TimeZoneFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(zone: string): void;
  issues?: readonly FieldIssue[] | undefined;
}

/**
 * A time-zone select with a search box that narrows its options (the chosen zone always stays
 * listed). Zones are grouped by region and named by their place ("Berlin" under "Europe"): whole
 * names such as "America/North Dakota/New Salem" are wider than the settings panel.
 */
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
            {groupedByRegion(options).map(({ region, zones }) =>
              region === '' ? (
                zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))
              ) : (
                <optgroup key={`${region}-${zones[0] ?? ''}`} label={region}>
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {placeOf(z)}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </select>
        )}
      </FieldShell>
    </div>
  );
}
