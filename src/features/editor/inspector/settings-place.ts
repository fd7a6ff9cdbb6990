import type { IntlShape } from 'react-intl';
import { CHANNELS, propertyFiltersSchema, type Channel } from '../../../domain/index.ts';
import { fieldPlace } from '../../../ui/schema-form/field-place.ts';
import { capFieldLabel, channelCapToggleLabel } from './settings-words.ts';

type Keys = readonly (string | number)[];

const position = (key: string | number | undefined): number | undefined =>
  typeof key === 'number' && Number.isInteger(key) && key >= 0 ? key : undefined;

const isChannel = (key: string | number | undefined): key is Channel =>
  CHANNELS.some((channel) => channel === key);

/** A section's fields by key, each with the message id of the label the panel gives it. */
const SECTIONS = {
  entry: {
    legend: 'editor.entry-goal-sections.entry',
    fields: {
      reentry: 'editor.entry-goal-sections.reEntry',
      cooldownDays: 'editor.entry-goal-sections.coolDownDays',
    },
  },
  goal: {
    legend: 'editor.entry-goal-sections.goal',
    fields: {
      event: 'editor.entry-goal-sections.goalEvent',
      propertyFilters: 'editor.entry-goal-sections.goalEventFilters',
      windowDays: 'editor.entry-goal-sections.countsWithinDaysAfterEntry',
      endsJourney: 'editor.entry-goal-sections.reachingTheGoalEndsThe',
    },
  },
  quietHours: {
    legend: 'editor.delivery-sections.quietHours',
    fields: {
      enabled: 'editor.delivery-sections.doNotSendDuringQuiet',
      start: 'editor.delivery-sections.from',
      end: 'editor.delivery-sections.until',
      behaviour: 'editor.delivery-sections.messagesDueInQuietHours',
    },
  },
} as const satisfies Record<string, { legend: string; fields: Record<string, string> }>;

/** Fields the panel draws on their own in its "Audience" section. */
const AUDIENCE = {
  defaultTimeZone: 'editor.settings-panel.defaultTimeZone',
  controlGroupPercent: 'editor.settings-panel.controlGroup',
} as const;

/** Below a property filters editor: "Filter 2 › Property", as the condition builder names it. */
function filtersPlace(intl: IntlShape, keys: Keys): string[] | undefined {
  if (keys.length === 0) return [];
  const place = fieldPlace(intl, propertyFiltersSchema, undefined, keys);
  return place === undefined ? undefined : [place];
}

/** A section whose fields are each one control (entry, goal, quiet hours). */
function sectionPlace(
  intl: IntlShape,
  section: (typeof SECTIONS)[keyof typeof SECTIONS],
  keys: Keys,
): string[] | undefined {
  const legend = intl.formatMessage({ id: section.legend });
  const [field, ...rest] = keys;
  if (field === undefined) return [legend];
  const label = (section.fields as Record<string, string>)[field];
  if (label === undefined) return undefined;
  const named = [legend, intl.formatMessage({ id: label })];
  if (field !== 'propertyFilters') return rest.length === 0 ? named : undefined;
  const filters = filtersPlace(intl, rest);
  return filters && [...named, ...filters];
}

function exitPlace(intl: IntlShape, keys: Keys): string[] | undefined {
  const legend = intl.formatMessage({ id: 'editor.entry-goal-sections.exitCriteria' });
  const [index, field, ...rest] = keys;
  if (index === undefined) return [legend];
  const n = position(index);
  if (n === undefined) return undefined;
  if (field === undefined || (field === 'event' && rest.length === 0))
    return [
      legend,
      intl.formatMessage({ id: 'editor.entry-goal-sections.exitEvent' }, { value1: n + 1 }),
    ];
  if (field !== 'propertyFilters') return undefined;
  const filters = filtersPlace(intl, rest);
  const label = intl.formatMessage(
    { id: 'editor.entry-goal-sections.exitEventFilters' },
    { value1: n + 1 },
  );
  return filters && [legend, label, ...filters];
}

function frequencyPlace(intl: IntlShape, keys: Keys): string[] | undefined {
  const legend = intl.formatMessage({ id: 'editor.delivery-sections.frequencyCap' });
  const [field, channel, capField, ...rest] = keys;
  if (field === undefined) return [legend];
  if (field === 'enabled' && channel === undefined)
    return [legend, intl.formatMessage({ id: 'editor.delivery-sections.limitHowManyMessagesA' })];
  if ((field === 'max' || field === 'periodDays') && channel === undefined)
    return [legend, capFieldLabel(intl, field)];
  if (field !== 'perChannel') return undefined;
  const perChannel = [legend, intl.formatMessage({ id: 'editor.delivery-sections.perChannel' })];
  if (channel === undefined) return perChannel;
  if (!isChannel(channel) || rest.length > 0) return undefined;
  if (capField === undefined) return [...perChannel, channelCapToggleLabel(intl, channel)];
  return capField === 'max' || capField === 'periodDays'
    ? [...perChannel, capFieldLabel(intl, capField, channel)]
    : undefined;
}

function crumbs(intl: IntlShape, keys: Keys): string[] | undefined {
  const [section, ...rest] = keys;
  switch (section) {
    case 'entry':
    case 'goal':
    case 'quietHours':
      return sectionPlace(intl, SECTIONS[section], rest);
    case 'exitCriteria':
      return exitPlace(intl, rest);
    case 'frequencyCap':
      return frequencyPlace(intl, rest);
    case 'defaultTimeZone':
    case 'controlGroupPercent':
      return rest.length === 0
        ? [
            intl.formatMessage({ id: 'editor.settings-panel.audience' }),
            intl.formatMessage({ id: AUDIENCE[section] }),
          ]
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Where a field of the journey's settings is, in the words of the settings panel ("Goal › Goal
 * event", "Frequency cap › Per channel › Email: at most (messages)"), from its keys below
 * `settings`; undefined when the panel draws no such field (an unknown setting).
 */
export function settingsPlace(intl: IntlShape, keys: Keys): string | undefined {
  const found = crumbs(intl, keys);
  if (found === undefined || found.length === 0) return undefined;
  return found.reduce((outer, inner) =>
    intl.formatMessage({ id: 'form.place.within' }, { outer, inner }),
  );
}
