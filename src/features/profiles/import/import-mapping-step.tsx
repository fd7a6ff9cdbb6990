import { useId } from 'react';
import type { ColumnMapping } from '../../../domain/profiles/import/mapping.ts';
import { ColumnSelect } from './column-select.tsx';
import {
  CONSENT_CHANNELS,
  mappingProblem,
  MAPPED_FIELDS,
  setConsent,
  setEventsMode,
  setField,
  setTags,
} from './mapping-edit.ts';
import { TypedColumnsTable } from './typed-columns-table.tsx';

interface ImportMappingStepProps {
  headers: readonly string[];
  /** The first rows, shown as a preview. */
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

const PREVIEW_ROWS = 3;

/** Says which CSV column holds what; starts from the suggested mapping. */
export function ImportMappingStep({ headers, rows, mapping, onChange }: ImportMappingStepProps) {
  const eventsId = useId();
  const fixedId = useId();
  const orderId = useId();
  const problem = mappingProblem(mapping);
  const events = mapping.events;
  return (
    <div className="mapping-step">
      <div
        className="mapping-preview"
        role="region"
        aria-label="First rows of the file"
        tabIndex={0}
      >
        <table className="data-table">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((row, i) => (
              <tr key={i}>
                {headers.map((h, k) => (
                  <td key={h}>{row[k] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset>
        <legend>Profile fields</legend>
        <div className="mapping-grid">
          {MAPPED_FIELDS.map(({ field, label }) => (
            <ColumnSelect
              key={field}
              label={label}
              value={mapping[field] ?? ''}
              headers={headers}
              optional={field !== 'id'}
              onChange={(column) => onChange(setField(mapping, field, column))}
            />
          ))}
          <ColumnSelect
            label="Tags"
            value={mapping.tags[0] ?? ''}
            headers={headers}
            onChange={(column) => onChange(setTags(mapping, column))}
          />
          <div className="mapping-field">
            <label htmlFor={orderId}>Dates like 03/04/2024 are</label>
            <select
              id={orderId}
              value={mapping.dateOrder}
              onChange={(e) =>
                onChange({ ...mapping, dateOrder: e.target.value === 'dmy' ? 'dmy' : 'mdy' })
              }
            >
              <option value="mdy">month/day/year</option>
              <option value="dmy">day/month/year</option>
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Consent</legend>
        <div className="mapping-grid">
          {CONSENT_CHANNELS.map(({ channel, label }) => (
            <ColumnSelect
              key={channel}
              label={label}
              value={mapping.consent[channel] ?? ''}
              headers={headers}
              onChange={(column) => onChange(setConsent(mapping, channel, column))}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Events</legend>
        <label className="checkbox-label" htmlFor={eventsId}>
          <input
            id={eventsId}
            type="checkbox"
            checked={events !== undefined}
            onChange={(e) => onChange(setEventsMode(mapping, e.target.checked, headers))}
          />
          Each row is one event of the customer in the id column
        </label>
        {events && (
          <div className="mapping-grid">
            <ColumnSelect
              label="Event time"
              value={events.timestamp}
              headers={headers}
              onChange={(timestamp) => onChange({ ...mapping, events: { ...events, timestamp } })}
            />
            <ColumnSelect
              label="Event name column"
              value={'column' in events.name ? events.name.column : ''}
              headers={headers}
              onChange={(column) =>
                onChange({
                  ...mapping,
                  events: {
                    ...events,
                    name: column === '' ? { fixed: 'order_placed' } : { column },
                  },
                })
              }
            />
            {'fixed' in events.name && (
              <div className="mapping-field">
                <label htmlFor={fixedId}>Event name for every row</label>
                <input
                  id={fixedId}
                  type="text"
                  value={events.name.fixed}
                  onChange={(e) =>
                    onChange({ ...mapping, events: { ...events, name: { fixed: e.target.value } } })
                  }
                />
              </div>
            )}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>Other columns</legend>
        <TypedColumnsTable mapping={mapping} headers={headers} onChange={onChange} />
      </fieldset>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
