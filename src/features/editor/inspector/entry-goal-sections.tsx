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

const REENTRY_LABELS: Record<(typeof REENTRY_POLICIES)[number], string> = {
  never: 'Never: each person enters once',
  after_exit: 'After they leave the journey',
  after_cooldown: 'After a cool-down period',
};
const REENTRY_OPTIONS = REENTRY_POLICIES.map((p) => ({ value: p, label: REENTRY_LABELS[p] }));
const DEFAULT_COOLDOWN_DAYS = 30;

/** Entry and re-entry rules. */
export function EntrySection({ settings, onChange, field }: SectionProps) {
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
      <legend>Entry</legend>
      <SelectField
        {...field('entry.reentry')}
        label="Re-entry"
        value={entry.reentry}
        options={REENTRY_OPTIONS}
        onChange={(v) => setReentry(v as JourneySettings['entry']['reentry'])}
      />
      {entry.reentry === 'after_cooldown' && (
        <NumberField
          {...field('entry.cooldownDays')}
          label="Cool-down (days)"
          integer
          min={1}
          value={entry.cooldownDays}
          onChange={(d) =>
            onChange({ ...settings, entry: { ...entry, cooldownDays: d ?? undefined } })
          }
        />
      )}
      <p className="field-hint">A person is in this journey at most once at a time.</p>
    </fieldset>
  );
}

const NEW_GOAL: Goal = { event: '', propertyFilters: [], windowDays: 7, endsJourney: true };

/** The conversion goal: an event within a window after entry. */
export function GoalSection({ settings, onChange, field, issuesUnder, eventListId }: SectionProps) {
  const goal = settings.goal;
  const setGoal = (next: Goal | null) => onChange({ ...settings, goal: next });
  return (
    <fieldset className="settings-section">
      <legend>Goal</legend>
      {goal === null ? (
        <>
          <p className="field-hint">No goal: conversions are not counted.</p>
          <button type="button" className="btn btn-sm" onClick={() => setGoal({ ...NEW_GOAL })}>
            + Add goal
          </button>
        </>
      ) : (
        <>
          <TextField
            {...field('goal.event')}
            label="Goal event"
            list={eventListId}
            value={goal.event}
            onChange={(event) => setGoal({ ...goal, event })}
          />
          <PropertyFiltersEditor
            id={field('goal.propertyFilters').id}
            label="Goal event filters"
            value={goal.propertyFilters}
            issues={issuesUnder('goal.propertyFilters')}
            onChange={(propertyFilters) => setGoal({ ...goal, propertyFilters })}
          />
          <NumberField
            {...field('goal.windowDays')}
            label="Counts within (days after entry)"
            min={1}
            value={goal.windowDays}
            onChange={(d) => setGoal({ ...goal, windowDays: requiredNumber(d) })}
          />
          <CheckboxField
            {...field('goal.endsJourney')}
            label="Reaching the goal ends the journey"
            checked={goal.endsJourney}
            onChange={(endsJourney) => setGoal({ ...goal, endsJourney })}
          />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setGoal(null)}>
            Remove goal
          </button>
        </>
      )}
    </fieldset>
  );
}

/** Events that take a person out of the journey wherever they are. */
export function ExitSection({ settings, onChange, field, issuesUnder, eventListId }: SectionProps) {
  const items = settings.exitCriteria;
  const setItems = (exitCriteria: EventMatch[]) => onChange({ ...settings, exitCriteria });
  return (
    <fieldset className="settings-section">
      <legend>Exit criteria</legend>
      {items.length === 0 && (
        <p className="field-hint">No exit events: people leave only at an exit step.</p>
      )}
      {items.map((item, i) => {
        const path = `exitCriteria.${i}`;
        return (
          <div key={i} className="settings-item" role="group" aria-label={`Exit event ${i + 1}`}>
            <TextField
              {...field(`${path}.event`)}
              label={`Exit event ${i + 1}`}
              list={eventListId}
              value={item.event}
              onChange={(event) => setItems(items.map((x, j) => (j === i ? { ...x, event } : x)))}
            />
            <PropertyFiltersEditor
              id={field(`${path}.propertyFilters`).id}
              label={`Exit event ${i + 1} filters`}
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
              Remove exit event {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => setItems([...items, { event: '', propertyFilters: [] }])}
      >
        + Add exit event
      </button>
    </fieldset>
  );
}
