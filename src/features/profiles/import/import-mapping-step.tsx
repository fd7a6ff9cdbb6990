import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { type ReactNode, useId } from 'react';
import type { ColumnMapping } from '../../../domain/profiles/import/mapping.ts';
import { ColumnSelect } from './column-select.tsx';
import {
  CONSENT_CHANNELS,
  mappingProblem,
  type MappingProblem,
  MAPPED_FIELDS,
  setConsent,
  setEventsMode,
  setField,
  setTags,
} from './mapping-edit.ts';
import { TypedColumnsTable } from './typed-columns-table.tsx';

/** The profile fields a column can fill, as the mapping names them. */
const FIELD_MESSAGES = defineMessages({
  id: { id: 'profiles.field.id' },
  name: { id: 'profiles.field.name' },
  email: { id: 'profiles.field.email' },
  phone: { id: 'profiles.field.phone' },
  pushToken: { id: 'profiles.field.pushToken' },
  timeZone: { id: 'profiles.field.timeZone' },
  locale: { id: 'profiles.field.locale' },
  country: { id: 'profiles.field.country' },
  birthday: { id: 'profiles.field.birthday' },
  signupDate: { id: 'profiles.field.signupDate' },
  plan: { id: 'profiles.field.plan' },
});

const CONSENT_MESSAGES = defineMessages({
  email: { id: 'profiles.consent.email' },
  sms: { id: 'profiles.consent.sms' },
  push: { id: 'profiles.consent.push' },
  in_app: { id: 'profiles.consent.in_app' },
});

interface ImportMappingStepProps {
  headers: readonly string[];
  /** The first rows, shown as a preview. */
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

const PREVIEW_ROWS = 3;
const CODE = (chunks: ReactNode[]) => <code>{chunks}</code>;
const PROBLEMS: Record<MappingProblem['code'], MessageDescriptor> = defineMessages({
  chooseId: { id: 'profiles.mapping-problem.chooseId' },
  chooseEventTime: { id: 'profiles.mapping-problem.chooseEventTime' },
  nameTheEvent: { id: 'profiles.mapping-problem.nameTheEvent' },
  nameEveryColumn: { id: 'profiles.mapping-problem.nameEveryColumn' },
  duplicateKey: { id: 'profiles.mapping-problem.duplicateKey' },
  unsafeKey: { id: 'profiles.mapping-problem.unsafeKey' },
});

/** Says which CSV column holds what; starts from the suggested mapping. */
export function ImportMappingStep({ headers, rows, mapping, onChange }: ImportMappingStepProps) {
  const intl = useIntl();
  const eventsId = useId();
  const fixedId = useId();
  const orderId = useId();
  const decimalId = useId();
  const problem = mappingProblem(mapping);
  const events = mapping.events;
  return (
    <div className="mapping-step">
      <div
        className="mapping-preview"
        role="region"
        aria-label={intl.formatMessage({ id: 'profiles.import-mapping-step.firstRowsOfTheFile' })}
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
        <legend>
          <FormattedMessage id="profiles.import-mapping-step.profileFields" />
        </legend>
        <div className="mapping-grid">
          {MAPPED_FIELDS.map(({ field }) => (
            <ColumnSelect
              key={field}
              label={intl.formatMessage(FIELD_MESSAGES[field])}
              value={mapping[field] ?? ''}
              headers={headers}
              optional={field !== 'id'}
              onChange={(column) => onChange(setField(mapping, field, column))}
            />
          ))}
          <ColumnSelect
            label={intl.formatMessage({ id: 'profiles.import-mapping-step.tags' })}
            value={mapping.tags[0] ?? ''}
            headers={headers}
            onChange={(column) => onChange(setTags(mapping, column))}
          />
          <div className="mapping-field">
            <label htmlFor={orderId}>
              <FormattedMessage id="profiles.import-mapping-step.datesLike03042024" />
            </label>
            <select
              id={orderId}
              value={mapping.dateOrder}
              onChange={(e) =>
                onChange({ ...mapping, dateOrder: e.target.value === 'dmy' ? 'dmy' : 'mdy' })
              }
            >
              <option value="mdy">
                <FormattedMessage id="profiles.import-mapping-step.monthDayYear" />
              </option>
              <option value="dmy">
                <FormattedMessage id="profiles.import-mapping-step.dayMonthYear" />
              </option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={decimalId}>
              <FormattedMessage id="profiles.import-mapping-step.decimalSeparator" />
            </label>
            <select
              id={decimalId}
              value={mapping.decimalComma ? 'comma' : 'point'}
              onChange={(e) => onChange({ ...mapping, decimalComma: e.target.value === 'comma' })}
            >
              <option value="point">
                <FormattedMessage id="profiles.import-mapping-step.decimalPoint" />
              </option>
              <option value="comma">
                <FormattedMessage id="profiles.import-mapping-step.decimalComma" />
              </option>
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="profiles.import-mapping-step.consent" />
        </legend>
        <div className="mapping-grid">
          {CONSENT_CHANNELS.map(({ channel }) => (
            <ColumnSelect
              key={channel}
              label={intl.formatMessage(CONSENT_MESSAGES[channel])}
              value={mapping.consent[channel] ?? ''}
              headers={headers}
              onChange={(column) => onChange(setConsent(mapping, channel, column))}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="profiles.import-mapping-step.events" />
        </legend>
        <label className="checkbox-label" htmlFor={eventsId}>
          <input
            id={eventsId}
            type="checkbox"
            checked={events !== undefined}
            onChange={(e) => onChange(setEventsMode(mapping, e.target.checked, headers))}
          />
          <FormattedMessage id="profiles.import-mapping-step.eachRowIsOneEvent" />
        </label>
        {events && (
          <div className="mapping-grid">
            <ColumnSelect
              label={intl.formatMessage({ id: 'profiles.import-mapping-step.eventTime' })}
              value={events.timestamp}
              headers={headers}
              onChange={(timestamp) => onChange({ ...mapping, events: { ...events, timestamp } })}
            />
            <ColumnSelect
              label={intl.formatMessage({ id: 'profiles.import-mapping-step.eventNameColumn' })}
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
                <label htmlFor={fixedId}>
                  <FormattedMessage id="profiles.import-mapping-step.eventNameForEveryRow" />
                </label>
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
        <legend>
          <FormattedMessage id="profiles.import-mapping-step.otherColumns" />
        </legend>
        <TypedColumnsTable mapping={mapping} headers={headers} onChange={onChange} />
      </fieldset>
      {problem && (
        <p className="field-error" role="alert">
          {intl.formatMessage(PROBLEMS[problem.code], { ...problem.values, code: CODE })}
        </p>
      )}
    </div>
  );
}
