// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  getStepDefinition,
  journeySettingsSchema,
  validate,
  type JourneyDocument,
} from '../../../src/domain/index.ts';
import { fieldPlace } from '../../../src/ui/schema-form/field-place.ts';
import { testIntl } from '../../support/test-intl.ts';
import { makeDoc } from '../journey/doc-fixture.ts';

const english = await testIntl('en');
const french = await testIntl('fr');

const schemaOf = (kind: string) => {
  const definition = getStepDefinition(kind);
  if (definition === undefined) throw new Error(kind);
  return definition.configSchema;
};

const eventRule = (event: string, filters: unknown[] = []) => ({
  type: 'event_count',
  event,
  comparison: 'at_least',
  count: 1,
  withinDays: null,
  propertyFilters: filters,
});

describe('fieldPlace', () => {
  const ifElse = {
    condition: {
      type: 'group',
      op: 'and',
      rules: [
        eventRule('viewed', [{ property: '', operator: 'equals', value: 'x' }]),
        { type: 'group', op: 'or', rules: [eventRule('a'), eventRule('')] },
      ],
    },
  };

  it('names rules, nested groups and property filters as the condition builder does', () => {
    const place = (keys: (string | number)[]) =>
      fieldPlace(english, schemaOf('if_else'), ifElse, keys);
    expect(place(['condition', 'rules', 1, 'rules', 1, 'event'])).toBe(
      'Condition › Group 2 › Rule 2 › Event',
    );
    expect(place(['condition', 'rules', 0, 'propertyFilters', 0, 'property'])).toBe(
      'Condition › Rule 1 › Property filters › Filter 1 › Property',
    );
    expect(
      fieldPlace(french, schemaOf('if_else'), ifElse, ['condition', 'rules', 0, 'count']),
    ).toBe('Condition › Règle 1 › Nombre de fois');
  });

  it('names list rows by their one-row word and their number, and options by the catalogue', () => {
    const split = {
      variants: [
        { key: 'a', label: 'A', percent: 50 },
        { key: 'b', label: 'B', percent: 'half' },
      ],
    };
    expect(fieldPlace(english, schemaOf('random_split'), split, ['variants', 1, 'percent'])).toBe(
      'Variant 2 › Percent',
    );
    expect(fieldPlace(english, schemaOf('random_split'), split, ['variants'])).toBe('Variants');
    const email = { behaviourOverride: { openRate: 2 } };
    expect(fieldPlace(english, schemaOf('email'), email, ['behaviourOverride', 'openRate'])).toBe(
      'Behaviour override › Open rate',
    );
  });

  it('says nothing rather than guess: unknown keys, rows past the end, an empty path', () => {
    const schema = schemaOf('email');
    expect(fieldPlace(english, schema, {}, ['nonsense'])).toBeUndefined();
    expect(fieldPlace(english, schema, {}, [])).toBeUndefined();
    expect(
      fieldPlace(english, schemaOf('if_else'), ifElse, ['condition', 'rules', 'x', 'event']),
    ).toBeUndefined();
    expect(
      fieldPlace(english, schemaOf('if_else'), ifElse, ['condition', 'rules', 0, 'a', 'b']),
    ).toBeUndefined();
  });

  it('words every schema problem the validator finds in the settings and in each kind', () => {
    const doc: JourneyDocument = makeDoc(
      [
        ['t', 'event'],
        ['s', 'if_else', ifElse],
      ],
      [['t', 's']],
    );
    doc.settings = {
      ...doc.settings,
      goal: { event: '', propertyFilters: [], windowDays: -1, endsJourney: false },
    } as never; // invalid on purpose (empty event, negative window): the type would refuse it
    const placed = validate(doc)
      .filter((d) => d.fieldKeys !== undefined)
      .map((d) =>
        d.code === 'invalid-settings'
          ? fieldPlace(english, journeySettingsSchema, doc.settings, d.fieldKeys ?? [])
          : fieldPlace(english, schemaOf('if_else'), ifElse, d.fieldKeys ?? []),
      );
    expect(placed).toEqual(
      expect.arrayContaining([
        'Condition › Group 2 › Rule 2 › Event',
        'Condition › Rule 1 › Property filters › Filter 1 › Property',
        'Goal › Event',
        'Goal › Window days',
      ]),
    );
    expect(placed).not.toContain(undefined);
  });
});
