import { FormattedMessage, useIntl } from 'react-intl';
import {
  PROPERTY_FILTER_OPERATORS,
  type PropertyFilter,
  type PropertyFilterOperator,
} from '../../domain/index.ts';
import type { FieldIssue } from '../schema-form/field-issues.ts';
import { NumberField } from '../schema-form/number-field.tsx';
import { SelectField } from '../schema-form/select-field.tsx';
import { TextField } from '../schema-form/text-field.tsx';
import './condition-builder.css';

const NUMERIC = new Set<PropertyFilterOperator>(['gt', 'gte', 'lt', 'lte']);
const VALUELESS = new Set<PropertyFilterOperator>(['is_set', 'is_not_set']);

export interface PropertyFiltersEditorProps {
  /** Prefix for the DOM ids of the controls. */
  id: string;
  /** Heading of the list, e.g. "Property filters". */
  label: string;
  value: readonly PropertyFilter[];
  onChange(value: PropertyFilter[]): void;
  /** Issues with paths relative to the list, e.g. `0.property`. */
  issues?: readonly FieldIssue[] | undefined;
}

function convert(filter: PropertyFilter, operator: PropertyFilterOperator): PropertyFilter {
  const { value, property } = filter;
  if (VALUELESS.has(operator)) return { property, operator };
  if (NUMERIC.has(operator)) {
    const n = typeof value === 'number' ? value : Number(value);
    return value === undefined || value === '' || !Number.isFinite(n)
      ? { property, operator }
      : { property, operator, value: n };
  }
  return value === undefined
    ? { property, operator }
    : { property, operator, value: String(value) };
}

/** Rows of `property operator value` tests on an event's properties, with add and remove. */
export function PropertyFiltersEditor({
  id,
  label,
  value,
  onChange,
  issues,
}: PropertyFiltersEditorProps) {
  const intl = useIntl();
  const operators = PROPERTY_FILTER_OPERATORS.map((o) => ({
    value: o,
    label: intl.formatMessage({ id: `cond.operator.${o}` }),
  }));
  const at = (path: string) => (issues ?? []).filter((i) => i.path === path);
  const update = (index: number, next: PropertyFilter) =>
    onChange(value.map((f, i) => (i === index ? next : f)));
  return (
    <fieldset className="cb-filters">
      <legend>{label}</legend>
      {value.length === 0 && (
        <p className="field-hint">
          <FormattedMessage id="ui.property-filters-editor.noFiltersEveryEventCounts" />
        </p>
      )}
      {at('').map((i) => (
        <p key={i.message} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
          {i.message}
        </p>
      ))}
      <ol className="cb-filter-list">
        {value.map((filter, i) => {
          const rowId = `${id}-${i}`;
          const n = i + 1;
          return (
            <li
              key={i}
              className="cb-row"
              aria-label={intl.formatMessage({ id: 'ui.property-filters-editor.filter' }, { n: n })}
            >
              {/* The fields wrap within the panel; the remove button stays at the row's end. */}
              <div className="cb-row-fields">
                <TextField
                  id={`${rowId}-property`}
                  label={intl.formatMessage(
                    { id: 'ui.property-filters-editor.filterProperty' },
                    { n: n },
                  )}
                  hideLabel
                  placeholder={intl.formatMessage({ id: 'ui.property-filters-editor.property' })}
                  value={filter.property}
                  issues={at(`${i}.property`)}
                  onChange={(property) => update(i, { ...filter, property })}
                />
                <SelectField
                  id={`${rowId}-operator`}
                  label={intl.formatMessage(
                    { id: 'ui.property-filters-editor.filterOperator' },
                    { n: n },
                  )}
                  hideLabel
                  value={filter.operator}
                  options={operators}
                  issues={at(`${i}.operator`)}
                  onChange={(op) => update(i, convert(filter, op as PropertyFilterOperator))}
                />
                {NUMERIC.has(filter.operator) ? (
                  <NumberField
                    id={`${rowId}-value`}
                    label={intl.formatMessage(
                      { id: 'ui.property-filters-editor.filterValue' },
                      { n: n },
                    )}
                    hideLabel
                    value={typeof filter.value === 'number' ? filter.value : undefined}
                    issues={at(`${i}.value`)}
                    onChange={(v) =>
                      update(
                        i,
                        v === undefined || v === null
                          ? { property: filter.property, operator: filter.operator }
                          : { ...filter, value: v },
                      )
                    }
                  />
                ) : VALUELESS.has(filter.operator) ? null : (
                  <TextField
                    id={`${rowId}-value`}
                    label={intl.formatMessage(
                      { id: 'ui.property-filters-editor.filterValue' },
                      { n: n },
                    )}
                    hideLabel
                    placeholder={intl.formatMessage({ id: 'ui.property-filters-editor.value' })}
                    value={filter.value === undefined ? '' : String(filter.value)}
                    issues={at(`${i}.value`)}
                    onChange={(v) => update(i, { ...filter, value: v })}
                  />
                )}
              </div>
              <button
                type="button"
                className="btn btn-ghost btn-sm cb-remove"
                aria-label={intl.formatMessage(
                  { id: 'ui.property-filters-editor.removeFilter' },
                  { n: n },
                )}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => onChange([...value, { property: '', operator: 'equals', value: '' }])}
      >
        <FormattedMessage id="ui.property-filters-editor.addFilter" />
      </button>
    </fieldset>
  );
}
