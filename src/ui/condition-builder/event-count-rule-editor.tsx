import { FormattedMessage, useIntl } from 'react-intl';
import { EVENT_COUNT_COMPARISONS, type EventCountRule } from '../../domain/index.ts';
import { NumberField } from '../schema-form/number-field.tsx';
import { SelectField } from '../schema-form/select-field.tsx';
import { TextField } from '../schema-form/text-field.tsx';
import { childPath, controlId, issuesAt, useBuilder } from './builder-context.ts';
import { PropertyFiltersEditor } from './property-filters-editor.tsx';

export interface EventCountRuleEditorProps {
  rule: EventCountRule;
  path: string;
  name: string;
  onChange(rule: EventCountRule): void;
}

/** "performed `event` at least `n` times within `d` days, where …". */
export function EventCountRuleEditor({ rule, path, name, onChange }: EventCountRuleEditorProps) {
  const intl = useIntl();
  const ctx = useBuilder();
  const field = (key: string) => {
    const p = childPath(path, key);
    return { id: controlId(ctx, p), issues: issuesAt(ctx, p) };
  };
  const comparisons = EVENT_COUNT_COMPARISONS.map((c) => ({
    value: c,
    label: intl.formatMessage({ id: `cond.comparison.${c}` }),
  }));
  const filtersPath = childPath(path, 'propertyFilters');
  const filterIssues = [...ctx.issues.entries()]
    .filter(([p]) => p.startsWith(`${filtersPath}.`))
    .flatMap(([p, list]) => list.map((i) => ({ ...i, path: p.slice(filtersPath.length + 1) })));
  return (
    <div className="cb-event">
      <div className="cb-row-fields">
        <span className="cb-word">
          <FormattedMessage id="ui.event-count-rule-editor.performed" />
        </span>
        <TextField
          {...field('event')}
          label={intl.formatMessage(
            { id: 'ui.event-count-rule-editor.eventLabel' },
            { name: name },
          )}
          hideLabel
          placeholder={intl.formatMessage({ id: 'ui.event-count-rule-editor.event' })}
          list={ctx.eventListId}
          value={rule.event}
          onChange={(event) => onChange({ ...rule, event })}
        />
        <SelectField
          {...field('comparison')}
          label={intl.formatMessage(
            { id: 'ui.event-count-rule-editor.comparison' },
            { name: name },
          )}
          hideLabel
          value={rule.comparison}
          options={comparisons}
          onChange={(c) => onChange({ ...rule, comparison: c as EventCountRule['comparison'] })}
        />
        <NumberField
          {...field('count')}
          label={intl.formatMessage({ id: 'ui.event-count-rule-editor.count' }, { name: name })}
          hideLabel
          integer
          min={0}
          value={rule.count}
          onChange={(count) => onChange({ ...rule, count: count ?? Number.NaN })}
        />
        <span className="cb-word">
          <FormattedMessage id="ui.event-count-rule-editor.timesWithinTheLast" />
        </span>
        <NumberField
          {...field('withinDays')}
          label={intl.formatMessage(
            { id: 'ui.event-count-rule-editor.withinDays' },
            { name: name },
          )}
          hideLabel
          min={1}
          emptyValue={null}
          value={rule.withinDays}
          onChange={(d) => onChange({ ...rule, withinDays: d ?? null })}
        />
        <span className="cb-word">
          <FormattedMessage id="ui.event-count-rule-editor.daysEmptyEver" />
        </span>
      </div>
      <PropertyFiltersEditor
        id={controlId(ctx, filtersPath)}
        label={intl.formatMessage(
          { id: 'ui.event-count-rule-editor.propertyFilters' },
          { name: name },
        )}
        value={rule.propertyFilters}
        issues={filterIssues}
        onChange={(propertyFilters) => onChange({ ...rule, propertyFilters })}
      />
    </div>
  );
}
