import type { IntlShape } from 'react-intl';
import {
  getStepDefinition,
  stepDescriptionId,
  stepLabelId,
  type Duration,
  type PhraseValue,
  type ProfileOperation,
  type StepCategory,
  type StepPhrase,
  type Weekday,
} from '../domain/index.ts';
import { attributeName, describeConditionIn, describeFilters } from './condition-words.ts';

/*
 * Step kinds in the user's language: the domain names every text by a catalogue id and values
 * (StepPhrase); these turn them into words. Ids derive from the kind, `step.<kind>.label`.
 */

/** A kind's palette name; an unknown kind (from a newer file) shows as it is stored. */
export function stepKindLabel(intl: IntlShape, kind: string): string {
  return getStepDefinition(kind) === undefined
    ? kind
    : intl.formatMessage({ id: stepLabelId(kind) });
}

/** A kind's one-line description; empty for an unknown kind. */
export function stepKindDescription(intl: IntlShape, kind: string): string {
  return getStepDefinition(kind) === undefined
    ? ''
    : intl.formatMessage({ id: stepDescriptionId(kind) });
}

/** A palette group's name: Triggers, Conditions, Waits, Actions. */
export function stepCategoryLabel(intl: IntlShape, category: StepCategory): string {
  return intl.formatMessage({ id: `step.category.${category}` });
}

/** "2 days", « 2 jours ». */
export function formatDurationIn(intl: IntlShape, duration: Duration): string {
  return intl.formatMessage({ id: 'time.duration' }, { ...duration });
}

function weekdays(intl: IntlShape, days: readonly Weekday[]): string {
  if (days.length === 7) return intl.formatMessage({ id: 'time.everyDay' });
  return days.map((day) => intl.formatMessage({ id: 'time.weekday' }, { day })).join(', ');
}

function operation(intl: IntlShape, op: ProfileOperation): string {
  switch (op.type) {
    case 'set_attribute':
      return intl.formatMessage(
        { id: 'step.update_profile.change.set' },
        { attribute: attributeName(intl, op.attribute), value: JSON.stringify(op.value) },
      );
    case 'add_tag':
      return intl.formatMessage({ id: 'step.update_profile.change.addTag' }, { tag: op.tag });
    case 'remove_tag':
      return intl.formatMessage({ id: 'step.update_profile.change.removeTag' }, { tag: op.tag });
  }
}

function valueText(intl: IntlShape, value: PhraseValue): string | number {
  if (typeof value !== 'object') return value;
  if ('condition' in value) return describeConditionIn(intl, value.condition);
  if ('filters' in value) return describeFilters(intl, value.filters);
  if ('attribute' in value) {
    return value.attribute.trim() === ''
      ? intl.formatMessage({ id: 'time.anyDate' })
      : attributeName(intl, value.attribute);
  }
  if ('duration' in value) return formatDurationIn(intl, value.duration);
  if ('weekdays' in value) return weekdays(intl, value.weekdays);
  if ('percents' in value) {
    return value.percents
      .map((p) => intl.formatNumber(p / 100, { style: 'percent', maximumFractionDigits: 2 }))
      .join(' / ');
  }
  return value.operations.map((op) => operation(intl, op)).join(', ');
}

/** A step phrase (a node's summary, a branch's name) in the user's language. */
export function formatStepPhrase(intl: IntlShape, phrase: StepPhrase): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.values ?? {})) {
    values[name] = valueText(intl, value);
  }
  return intl.formatMessage({ id: phrase.id }, values);
}
