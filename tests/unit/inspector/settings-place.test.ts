import { describe, expect, it } from 'vitest';
import { CHANNELS, defaultSettings, type JourneySettings } from '../../../src/domain/index.ts';
import { settingsPlace } from '../../../src/features/editor/inspector/settings-place.ts';
import { testIntl } from '../../support/test-intl.ts';

/** Settings with every part the panel can draw filled in: a goal, an exit rule, a filter each, every channel's cap. */
function everyPart(): JourneySettings {
  const filter = { property: 'plan', operator: 'equals' as const, value: 'pro' };
  return {
    ...defaultSettings(),
    entry: { reentry: 'after_cooldown', cooldownDays: 30, maxActivePerProfile: 1 },
    goal: { event: 'order_placed', propertyFilters: [filter], windowDays: 7, endsJourney: true },
    exitCriteria: [{ event: 'unsubscribed', propertyFilters: [filter] }],
    frequencyCap: {
      enabled: true,
      max: 3,
      periodDays: 7,
      perChannel: Object.fromEntries(CHANNELS.map((c) => [c, { max: 1, periodDays: 7 }])),
    },
  } as JourneySettings;
}

/** Every path to a value in `value`, and to each object and list on the way. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = prefix.length === 0 ? [] : [prefix];
  if (Array.isArray(value))
    return [...found, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (typeof value === 'object' && value !== null)
    return [
      ...found,
      ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])),
    ];
  return found;
}

describe('settingsPlace', () => {
  it('names every setting the panel draws in the panel’s words, in both languages', async () => {
    const all = paths(everyPart()).filter(
      // Fixed at 1 and not drawn: the panel says it in a sentence.
      (keys) => keys.join('.') !== 'entry.maxActivePerProfile',
    );
    expect(all.length).toBeGreaterThan(40);
    for (const locale of ['en', 'fr'] as const) {
      const intl = await testIntl(locale);
      for (const keys of all) {
        const place = settingsPlace(intl, keys);
        expect(place, keys.join('.')).toBeDefined();
        // No schema word leaks: keys are camelCase, the panel's words never are.
        expect(place, keys.join('.')).not.toMatch(/[a-z][A-Z]|\.\d|_/);
      }
    }
  });

  it('words a few places exactly', async () => {
    const en = await testIntl('en');
    expect(settingsPlace(en, ['goal', 'windowDays'])).toBe(
      'Goal › Counts within (days after entry)',
    );
    expect(settingsPlace(en, ['exitCriteria', 1, 'propertyFilters', 0, 'property'])).toBe(
      'Exit criteria › Exit event 2 filters › Filter 1 › Property',
    );
    expect(settingsPlace(en, ['frequencyCap', 'perChannel', 'sms', 'periodDays'])).toBe(
      'Frequency cap › Per channel › SMS: per (days)',
    );
    expect(settingsPlace(await testIntl('fr'), ['quietHours', 'end'])).toBe(
      'Heures calmes › Jusqu’à',
    );
  });

  it('says nothing of a setting the panel does not draw', async () => {
    const en = await testIntl('en');
    expect(settingsPlace(en, ['tracking'])).toBeUndefined();
    expect(settingsPlace(en, ['goal', 'colour'])).toBeUndefined();
    expect(settingsPlace(en, ['frequencyCap', 'perChannel', 'pigeon', 'max'])).toBeUndefined();
    expect(settingsPlace(en, ['exitCriteria', -1, 'event'])).toBeUndefined();
  });
});
