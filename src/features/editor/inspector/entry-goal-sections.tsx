import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import {
  REENTRY_POLICIES,
  type EventMatch,
  type Goal,
  type JourneySettings,
} from '../../../domain/index.ts';
import { PropertyFiltersEditor } from '../../../ui/condition-builder/property-filters-editor.tsx';
import { CheckboxField } from '../../../ui/schema-form/checkbox-field.tsx';
import { NumberField } from '../../../ui/schema-form/number-field.tsx';
import { SelectField } from '../../../ui/schema-form/select-field.tsx';
import { TextField } from '../../../ui/schema-form/text-field.tsx';
import { requiredNumber, type SectionProps } from './settings-fields.ts';

const REENTRY_LABELS = defineMessages({
  never: { id: 'editor.entry-goal-sections.reentry.never' },
  after_exit: { id: 'editor.entry-goal-sections.reentry.after_exit' },
  after_cooldown: { id: 'editor.entry-goal-sections.reentry.after_cooldown' },
});
const DEFAULT_COOLDOWN_DAYS = 30;

/** Entry and re-entry rules. */
export function EntrySection({ settings, onChange, field }: SectionProps) {
  const intl = useIntl();
  const entry = settings.entry;
  const setReentry = (reentry: JourneySettings['entry']['reentry']) => {
    const { cooldownDays, ...rest } = entry;
    onChange({
      ...settings,
      entry:
        reentry === 'after_cooldown'
          ? { ...rest, reentry, cooldownDays: cooldownDays ?? DEFAULT_COOLDOWN_DAYS }
          : { ...rest, reentry },
    });
  };
  return (
    <fieldset className="settings-section">
      <legend>
        <FormattedMessage id="editor.entry-goal-sections.entry" />
      </legend>
      <SelectField
        {...field('entry.reentry')}
        label={intl.formatMessage({ id: 'editor.entry-goal-sections.reEntry' })}
        value={entry.reentry}
        options={REENTRY_POLICIES.map((p) => ({
          value: p,
          label: intl.formatMessage(REENTRY_LABELS[p]),
        }))}
        onChange={(v) => setReentry(v as JourneySettings['entry']['reentry'])}
      />
      {entry.reentry === 'after_cooldown' && (
        <NumberField
          {...field('entry.cooldownDays')}
          label={intl.formatMessage({ id: 'editor.entry-goal-sections.coolDownDays' })}
          integer
          min={1}
          value={entry.cooldownDays}
          onChange={(d) =>
            onChange({ ...settings, entry: { ...entry, cooldownDays: d ?? undefined } })
          }
        />
      )}
      <p className="field-hint">
        <FormattedMessage id="editor.entry-goal-sections.aPersonIsInThis" />
      </p>
    </fieldset>
  );
}

const NEW_GOAL: Goal = { event: '', propertyFilters: [], windowDays: 7, endsJourney: true };

/** The conversion goal: an event within a window after entry. */
export function GoalSection({ settings, onChange, field, issuesUnder, eventListId }: SectionProps) {
  const intl = useIntl();
  const goal = settings.goal;
  const setGoal = (next: Goal | null) => onChange({ ...settings, goal: next });
  return (
    <fieldset className="settings-section">
      <legend>
        <FormattedMessage id="editor.entry-goal-sections.goal" />
      </legend>
      {goal === null ? (
        <>
          <p className="field-hint">
            <FormattedMessage id="editor.entry-goal-sections.noGoalConversionsAreNot" />
          </p>
          <button type="button" className="btn btn-sm" onClick={() => setGoal({ ...NEW_GOAL })}>
            <FormattedMessage id="editor.entry-goal-sections.addGoal" />
          </button>
        </>
      ) : (
        <>
          <TextField
            {...field('goal.event')}
            label={intl.formatMessage({ id: 'editor.entry-goal-sections.goalEvent' })}
            list={eventListId}
            value={goal.event}
            onChange={(event) => setGoal({ ...goal, event })}
          />
          <PropertyFiltersEditor
            id={field('goal.propertyFilters').id}
            label={intl.formatMessage({ id: 'editor.entry-goal-sections.goalEventFilters' })}
            value={goal.propertyFilters}
            issues={issuesUnder('goal.propertyFilters')}
            onChange={(propertyFilters) => setGoal({ ...goal, propertyFilters })}
          />
          <NumberField
            {...field('goal.windowDays')}
            label={intl.formatMessage({
              id: 'editor.entry-goal-sections.countsWithinDaysAfterEntry',
            })}
            min={1}
            value={goal.windowDays}
            onChange={(d) => setGoal({ ...goal, windowDays: requiredNumber(d) })}
          />
          <CheckboxField
            {...field('goal.endsJourney')}
            label={intl.formatMessage({ id: 'editor.entry-goal-sections.reachingTheGoalEndsThe' })}
            checked={goal.endsJourney}
            onChange={(endsJourney) => setGoal({ ...goal, endsJourney })}
          />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setGoal(null)}>
            <FormattedMessage id="editor.entry-goal-sections.removeGoal" />
          </button>
        </>
      )}
    </fieldset>
  );
}

/** Events that take a person out of the journey wherever they are. */
export function ExitSection({ settings, onChange, field, issuesUnder, eventListId }: SectionProps) {
  const intl = useIntl();
  const items = settings.exitCriteria;
  const setItems = (exitCriteria: EventMatch[]) => onChange({ ...settings, exitCriteria });
  return (
    <fieldset className="settings-section">
      <legend>
        <FormattedMessage id="editor.entry-goal-sections.exitCriteria" />
      </legend>
      {items.length === 0 && (
        <p className="field-hint">
          <FormattedMessage id="editor.entry-goal-sections.noExitEventsPeopleLeave" />
        </p>
      )}
      {items.map((item, i) => {
        const path = `exitCriteria.${i}`;
        return (
          <div
            key={i}
            className="settings-item"
            role="group"
            aria-label={intl.formatMessage(
              { id: 'editor.entry-goal-sections.exitEvent' },
              { value1: i + 1 },
            )}
          >
            <TextField
              {...field(`${path}.event`)}
              label={intl.formatMessage(
                { id: 'editor.entry-goal-sections.exitEvent' },
                { value1: i + 1 },
              )}
              list={eventListId}
              value={item.event}
              onChange={(event) => setItems(items.map((x, j) => (j === i ? { ...x, event } : x)))}
            />
            <PropertyFiltersEditor
              id={field(`${path}.propertyFilters`).id}
              label={intl.formatMessage(
                { id: 'editor.entry-goal-sections.exitEventFilters' },
                { value1: i + 1 },
              )}
              value={item.propertyFilters}
              issues={issuesUnder(`${path}.propertyFilters`)}
              onChange={(propertyFilters) =>
                setItems(items.map((x, j) => (j === i ? { ...x, propertyFilters } : x)))
              }
            />
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            >
              <FormattedMessage
                id="editor.entry-goal-sections.removeExitEventN"
                values={{ n: i + 1 }}
              />
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => setItems([...items, { event: '', propertyFilters: [] }])}
      >
        <FormattedMessage id="editor.entry-goal-sections.addExitEvent" />
      </button>
    </fieldset>
  );
}
