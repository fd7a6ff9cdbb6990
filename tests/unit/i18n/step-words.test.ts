// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  attributeRuleSchema,
  controlGroupRuleSchema,
  eventCountRuleSchema,
  OPERATORS_BY_VALUE_TYPE,
  propertyFilterSchema,
  reachableRuleSchema,
  STEP_DEFINITIONS,
  STEP_KINDS,
  type AnyStepDefinition,
  type ConditionGroup,
  type StepKind,
} from '../../../src/domain/index.ts';
import { describeConditionIn } from '../../../src/i18n/condition-words.ts';
import {
  formatStepPhrase,
  stepCategoryLabel,
  stepKindDescription,
  stepKindLabel,
} from '../../../src/i18n/step-words.ts';
import { describeSchema, type FieldSpec } from '../../../src/ui/schema-form/schema-walk.ts';
import { VALID_CONFIGS } from '../journey/doc-fixture.ts';
import { testIntl } from '../../support/test-intl.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const catalogue = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, 'src/i18n/messages', `${locale}.json`), 'utf8'));
const en = catalogue('en');
const fr = catalogue('fr');

/** Records every id formatted through it, so the test knows which catalogue ids it reached. */
function recording(intl: IntlShape, seen: Set<string>): IntlShape {
  return {
    ...intl,
    formatMessage: ((descriptor: { id?: string }, values?: Record<string, unknown>) => {
      if (descriptor.id !== undefined) seen.add(descriptor.id);
      return intl.formatMessage(descriptor, values as never);
    }) as IntlShape['formatMessage'],
  };
}

const country: ConditionGroup = {
  type: 'group',
  op: 'and',
  rules: [
    { type: 'attribute', attribute: 'country', valueType: 'text', operator: 'equals', value: 'FR' },
  ],
};

/** Configs beyond the defaults and the valid fixtures, reaching every other wording. */
const MORE_CONFIGS: { [K in StepKind]?: unknown[] } = {
  event: [
    {
      event: 'order_placed',
      propertyFilters: [{ property: 'amount', operator: 'gte', value: 50 }],
    },
  ],
  date_attribute: [
    { attribute: '', offsetDays: 3, direction: 'after', recurrence: 'once', localTime: '10:00' },
    {
      attribute: 'custom.renewal',
      offsetDays: 1,
      direction: 'before',
      recurrence: 'yearly',
      localTime: '08:30',
    },
  ],
  scheduled_audience: [{ at: '2026-02-01T09:00', recurrence: 'monthly', audience: country }],
  multi_split: [
    {
      branches: [
        { key: 'b1', label: 'VIP', condition: country },
        { key: 'b2', label: '', condition: country },
      ],
    },
  ],
  random_split: [
    {
      variants: [
        { key: 'a', label: 'Control', percent: 33.5 },
        { key: 'b', label: '', percent: 66.5 },
      ],
    },
  ],
  wait_for_event: [
    {
      target: { type: 'engagement', stepId: 's1', engagement: 'opened' },
      timeout: { amount: 1, unit: 'hours' },
    },
    {
      target: { type: 'engagement', stepId: 's1', engagement: 'clicked' },
      timeout: { amount: 2, unit: 'weeks' },
    },
    {
      target: {
        type: 'event',
        event: 'order_placed',
        propertyFilters: [{ property: 'coupon', operator: 'is_set' }],
      },
      timeout: { amount: 30, unit: 'minutes' },
    },
  ],
  delay: [{ amount: 1, unit: 'hours' }],
  wait_until: [
    {
      until: { type: 'attribute', attribute: 'custom.renewal', offsetDays: -2, localTime: '09:00' },
    },
    { until: { type: 'attribute', attribute: 'birthday', offsetDays: 0, localTime: '09:00' } },
  ],
  time_window: [
    { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], startHour: 0, endHour: 24 },
  ],
  call_centre_task: [{ queue: '', priority: 'urgent', script: '' }],
  direct_mail: [{ offer: 'Free gift', channel: 'in_store', cost: 1 }],
  update_profile: [
    {
      operations: [
        { type: 'set_attribute', attribute: 'plan', value: 'gold' },
        { type: 'remove_tag', tag: 'lapsed' },
      ],
    },
  ],
};

function samples(kind: StepKind): unknown[] {
  const def = STEP_DEFINITIONS[kind] as AnyStepDefinition;
  return [def.defaultConfig(), VALID_CONFIGS[kind], ...(MORE_CONFIGS[kind] ?? [])].map((c) =>
    def.configSchema.parse(c),
  );
}

/** Everything the app writes about a kind for one config, in one language. */
function kindTexts(intl: IntlShape, kind: StepKind, config: unknown) {
  const def = STEP_DEFINITIONS[kind] as AnyStepDefinition;
  return {
    label: stepKindLabel(intl, kind),
    description: stepKindDescription(intl, kind),
    category: stepCategoryLabel(intl, def.category),
    summary: formatStepPhrase(intl, def.summary(config)),
    branches: def.branches(config).map((b) => formatStepPhrase(intl, b.text)),
    audiences: (def.audiences?.(config) ?? []).map((a) => formatStepPhrase(intl, a.text)),
  };
}

const english = await testIntl('en');
const french = await testIntl('fr');

describe.each(STEP_KINDS)('step kind %s in French and English', (kind) => {
  it('words its name, description, summary, branches and audiences for every sample config', () => {
    for (const config of samples(kind)) {
      const inEnglish = kindTexts(english, kind, config);
      const inFrench = kindTexts(french, kind, config);
      for (const texts of [inEnglish, inFrench]) {
        for (const text of [texts.label, texts.description, texts.summary, ...texts.branches])
          expect(text.trim(), `${kind}: ${JSON.stringify(config)}`).not.toBe('');
        expect(texts.branches).toHaveLength(
          (STEP_DEFINITIONS[kind] as AnyStepDefinition).branches(config).length,
        );
      }
      // The catalogues differ where the kind's words do: the description always does.
      expect(inFrench.description).not.toBe(inEnglish.description);
    }
  });

  it('names its catalogue ids after the kind', () => {
    const def = STEP_DEFINITIONS[kind] as AnyStepDefinition;
    for (const config of samples(kind)) {
      const phrases = [
        def.summary(config),
        ...def.branches(config).map((b) => b.text),
        ...(def.audiences?.(config) ?? []).map((a) => a.text),
      ];
      for (const phrase of phrases)
        expect(phrase.id).toMatch(new RegExp(`^step\\.(${kind}\\.|branch\\.next$)`));
    }
  });
});

describe('step words', () => {
  it.each([
    ['delay', { amount: 2, unit: 'days' }, 'Wait 2 days', 'Attendre 2 jours'],
    ['delay', { amount: 1, unit: 'hours' }, 'Wait 1 hour', 'Attendre 1 heure'],
    [
      'email',
      { ...VALID_CONFIGS.email, subject: 'Welcome aboard' },
      'Email · Welcome aboard',
      'E-mail · Welcome aboard',
    ],
    ['event', VALID_CONFIGS.event, 'When signed_up', 'Quand signed_up'],
    ['time_window', VALID_CONFIGS.time_window, 'Mon, Fri 09:00–17:00', 'lun., ven. 09:00–17:00'],
    [
      'wait_for_event',
      VALID_CONFIGS.wait_for_event,
      'Wait up to 2 days for order_placed',
      'Attendre order_placed pendant 2 jours au plus',
    ],
    [
      'date_attribute',
      VALID_CONFIGS.date_attribute,
      'On Birthday at 09:00, every year',
      'À la date : Anniversaire à 09:00, chaque année',
    ],
    ['if_else', VALID_CONFIGS.if_else, 'If Country is "FR"', 'Si Pays est "FR"'],
    [
      'multi_split',
      VALID_CONFIGS.multi_split,
      '1 path + everyone else',
      '1 chemin + tous les autres',
    ],
  ] as const)('%s summary: %s', (kind, config, inEnglish, inFrench) => {
    const def = STEP_DEFINITIONS[kind] as AnyStepDefinition;
    expect(formatStepPhrase(english, def.summary(config))).toBe(inEnglish);
    expect(formatStepPhrase(french, def.summary(config))).toBe(inFrench);
  });

  it('names branches in the user language, keeping the user’s own path names', () => {
    const names = (intl: IntlShape, kind: StepKind, config: unknown) =>
      (STEP_DEFINITIONS[kind] as AnyStepDefinition)
        .branches(config)
        .map((b) => formatStepPhrase(intl, b.text));
    expect(names(french, 'if_else', VALID_CONFIGS.if_else)).toEqual(['Oui', 'Non']);
    expect(names(french, 'wait_for_event', VALID_CONFIGS.wait_for_event)).toEqual([
      'Survenu',
      'Délai dépassé',
    ]);
    expect(names(french, 'multi_split', MORE_CONFIGS.multi_split?.[0])).toEqual([
      'VIP',
      'Chemin 2',
      'Tous les autres',
    ]);
    expect(names(french, 'random_split', MORE_CONFIGS.random_split?.[0])).toEqual([
      'Control 33,5\u00a0%',
      'B 66,5\u00a0%',
    ]);
    expect(names(english, 'email', VALID_CONFIGS.email)).toEqual(['Next']);
    expect(names(french, 'email', VALID_CONFIGS.email)).toEqual(['Suivant']);
  });

  it('reaches every step id of the catalogues from some kind and sample (none is left unused)', () => {
    const seen = new Set<string>();
    const intl = recording(french, seen);
    for (const kind of STEP_KINDS)
      for (const config of samples(kind)) kindTexts(intl, kind, config);
    const stepIds = Object.keys(fr).filter((id) => id.startsWith('step.'));
    expect(stepIds.filter((id) => !seen.has(id))).toEqual([]);
    expect([...seen].filter((id) => !(id in en) || !(id in fr))).toEqual([]);
  });

  it('words every condition operator, in both languages', () => {
    const seen = new Set<string>();
    for (const [valueType, operators] of Object.entries(OPERATORS_BY_VALUE_TYPE)) {
      for (const operator of operators) {
        const group = {
          type: 'group',
          op: 'or',
          rules: [
            {
              type: 'attribute',
              attribute: 'custom.score',
              valueType,
              operator,
              value: 3,
              value2: 9,
            },
          ],
        } as unknown as ConditionGroup;
        for (const intl of [english, french]) {
          const text = describeConditionIn(recording(intl, seen), group);
          expect(text).toContain('score');
          expect(text).not.toMatch(/[{}]/);
        }
      }
    }
    for (const operator of Object.values(OPERATORS_BY_VALUE_TYPE).flat())
      expect(seen).toContain(`cond.op.${operator}`);
  });
});

/** The fields of a condition's rules and filters, and the group's own "match". */
const CONDITION_KEYS = new Set(
  [
    ...attributeRuleSchema.options,
    eventCountRuleSchema,
    reachableRuleSchema,
    controlGroupRuleSchema,
    propertyFilterSchema,
  ]
    .flatMap((schema) => Object.keys(schema.shape))
    .filter((key) => key !== 'type')
    .concat('op'),
);

describe('inspector fields', () => {
  /** Every key, list and option a kind's config form shows. */
  function formIds(spec: FieldSpec, into: Set<string>): void {
    if (spec.key !== '') into.add(`field.${spec.key}`);
    switch (spec.kind) {
      case 'object':
        spec.fields.forEach((f) => formIds(f.spec, into));
        break;
      case 'variant':
        spec.options.forEach((o) => {
          into.add(`option.${o.value}`);
          formIds(o.spec, into);
        });
        break;
      case 'objectList':
        into.add(`field.${spec.key}.one`);
        formIds(spec.item, into);
        break;
      case 'select':
      case 'enumSet':
        spec.options.forEach((o) => into.add(`option.${o}`));
        break;
      case 'condition':
      case 'propertyFilters':
        // A problem inside a condition names the rule's field (field-place.ts).
        for (const key of CONDITION_KEYS) into.add(`field.${key}`);
        break;
      default:
        break;
    }
  }

  it('names every field and option of every kind’s form in both catalogues', () => {
    const ids = new Set<string>();
    for (const kind of STEP_KINDS)
      formIds(describeSchema((STEP_DEFINITIONS[kind] as AnyStepDefinition).configSchema), ids);
    expect([...ids].filter((id) => !(id in en) || !(id in fr))).toEqual([]);
    // And the catalogues hold no field or option name no form shows.
    const named = Object.keys(en).filter(
      (id) => id.startsWith('field.') || id.startsWith('option.'),
    );
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
