import { describe, expect, it } from 'vitest';
import {
  STEP_DEFINITIONS,
  STEP_DEFINITION_LIST,
  STEP_KINDS,
  getStepDefinition,
  stepDefinitionsIn,
  type Branch,
  type StepKind,
} from '../../../src/domain/index.ts';
import { VALID_CONFIGS, validConfig } from '../journey/doc-fixture.ts';

/** One wrong field per kind, and the config path zod must report. */
const BAD_FIELDS: { [K in StepKind]: [field: string, value: unknown] } = {
  event: ['event', 42],
  segment_entry: ['condition', { type: 'group', op: 'xor', rules: [] }],
  date_attribute: ['localTime', '25:00'],
  scheduled_audience: ['recurrence', 'hourly'],
  if_else: ['condition', null],
  multi_split: ['branches', []],
  random_split: ['variants', [{ key: 'a', label: 'A', percent: 100 }]],
  wait_for_event: ['timeout', { amount: -1, unit: 'days' }],
  delay: ['unit', 'fortnights'],
  wait_until: ['until', { type: 'someday' }],
  time_window: ['startHour', 24],
  email: ['subject', null],
  sms: ['text', 5],
  push: ['deepLink', false],
  in_app: ['button', 'OK'],
  webhook: ['method', 'FETCH'],
  call_centre_task: ['priority', 'asap'],
  direct_mail: ['cost', -2],
  nps_survey: ['channel', 'push'],
  update_profile: ['operations', [{ type: 'delete_profile' }]],
  exit: ['reason', undefined],
};

describe.each(STEP_KINDS)('%s', (kind) => {
  const def = STEP_DEFINITIONS[kind];

  it('accepts its default config and describes itself', () => {
    const parsed = def.configSchema.safeParse(def.defaultConfig());
    expect(parsed.success).toBe(true);
    expect(def.kind).toBe(kind);
    expect(def.label.length).toBeGreaterThan(0);
    expect(def.icon).toMatch(/^[a-z-]+$/);
    // Its words are the catalogue's, under ids derived from the kind (tests/unit/i18n/step-words).
    expect(def.summary(def.defaultConfig() as never).id).toMatch(new RegExp(`^step\\.${kind}\\.`));
  });

  it('rejects a bad field and names it', () => {
    const [field, value] = BAD_FIELDS[kind];
    const parsed = def.configSchema.safeParse({ ...validConfig(kind), [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe(field);
  });

  it('finds nothing wrong with a complete config', () => {
    const config = def.configSchema.parse(VALID_CONFIGS[kind]);
    expect(def.validate(config as never)).toEqual([]);
  });

  it('compiles to a body its spec schema accepts, without reserved keys', () => {
    const config = def.configSchema.parse(VALID_CONFIGS[kind]);
    const body = def.compile(config as never);
    for (const reserved of ['id', 'kind', 'label', 'next'])
      expect(body).not.toHaveProperty(reserved);
    const next = Object.fromEntries(def.branches(config as never).map((b) => [b.key, null]));
    expect(def.specStepSchema.safeParse({ ...body, id: 's', kind, label: 'S', next }).success).toBe(
      true,
    );
  });

  it('has one way out per category rule', () => {
    const keys = def
      .branches(def.configSchema.parse(VALID_CONFIGS[kind]) as never)
      .map((b) => b.key);
    if (def.category === 'trigger' || def.category === 'wait') expect(keys).toEqual(['next']);
    if (kind === 'exit') expect(keys).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('registry', () => {
  it('lists every kind once, in palette order by category', () => {
    expect(STEP_DEFINITION_LIST.map((d) => d.kind)).toEqual([...STEP_KINDS]);
    expect(stepDefinitionsIn('trigger').map((d) => d.kind)).toEqual([
      'event',
      'segment_entry',
      'date_attribute',
      'scheduled_audience',
    ]);
    expect(stepDefinitionsIn('wait').map((d) => d.kind)).toEqual([
      'delay',
      'wait_until',
      'time_window',
    ]);
  });

  it('returns undefined for an unknown kind', () => {
    expect(getStepDefinition('teleport')).toBeUndefined();
    expect(getStepDefinition('email')?.channel?.({})).toBe('email');
  });

  it('marks only delay and wait-for-event as always waiting', () => {
    expect(STEP_DEFINITION_LIST.filter((d) => d.waits).map((d) => d.kind)).toEqual([
      'wait_for_event',
      'delay',
    ]);
  });
});

describe('branches and summaries', () => {
  it('labels if/else, wait-for-event and multi-split paths', () => {
    const named = (branches: readonly Branch[]) =>
      branches.map(({ key, label }) => ({ key, label }));
    expect(named(STEP_DEFINITIONS.if_else.branches(VALID_CONFIGS.if_else))).toEqual([
      { key: 'yes', label: 'Yes' },
      { key: 'no', label: 'No' },
    ]);
    expect(
      STEP_DEFINITIONS.wait_for_event.branches(VALID_CONFIGS.wait_for_event).map((b) => b.key),
    ).toEqual(['happened', 'timed_out']);
    expect(named(STEP_DEFINITIONS.multi_split.branches(VALID_CONFIGS.multi_split))).toEqual([
      { key: 'fr', label: 'France' },
      { key: 'else', label: 'Everyone else' },
    ]);
  });

  it('labels random-split variants with their share', () => {
    const branches = STEP_DEFINITIONS.random_split.branches(VALID_CONFIGS.random_split);
    expect(branches.map(({ key, label }) => ({ key, label }))).toEqual([
      { key: 'a', label: 'A 30%' },
      { key: 'b', label: 'B 70%' },
    ]);
  });

  it('compiles delays and time-outs to milliseconds (24-hour days)', () => {
    expect(STEP_DEFINITIONS.delay.compile({ amount: 2, unit: 'days' })).toMatchObject({
      durationMs: 172_800_000,
    });
    expect(STEP_DEFINITIONS.wait_for_event.compile(VALID_CONFIGS.wait_for_event)).toMatchObject({
      timeoutMs: 172_800_000,
    });
  });

  it('declares produced and consumed events', () => {
    expect(STEP_DEFINITIONS.nps_survey.producesEvents?.(VALID_CONFIGS.nps_survey)).toContain(
      'nps_response',
    );
    expect(STEP_DEFINITIONS.email.producesEvents?.(VALID_CONFIGS.email)).toEqual([
      'email_delivered',
      'email_opened',
      'email_clicked',
      'email_unsubscribed',
    ]);
    expect(STEP_DEFINITIONS.wait_for_event.consumesEvents?.(VALID_CONFIGS.wait_for_event)).toEqual([
      'order_placed',
    ]);
  });
});

describe('extra checks', () => {
  const codes = (kind: StepKind, config: Record<string, unknown>) => {
    const def = getStepDefinition(kind);
    return def === undefined
      ? []
      : def.validate(def.configSchema.parse(config)).map((i) => `${i.code}@${i.field ?? ''}`);
  };

  it('requires random-split percentages to sum to 100 and keys to differ', () => {
    expect(
      codes('random_split', {
        variants: [
          { key: 'a', label: '', percent: 50 },
          { key: 'a', label: '', percent: 40 },
        ],
      }),
    ).toEqual(['split-percentages@variants', 'duplicate-branch-key@variants.1.key']);
  });

  it('flags messages without content', () => {
    expect(codes('email', STEP_DEFINITIONS.email.defaultConfig())).toEqual([
      'required-field@subject',
      'message-without-content@body',
    ]);
    expect(
      codes('email', { ...VALID_CONFIGS.email, body: '', templateName: 'welcome-v2' }),
    ).toEqual([]);
    expect(codes('sms', { text: '  ' })).toEqual(['message-without-content@text']);
    expect(codes('push', { title: '', body: '', deepLink: '' })).toEqual([
      'message-without-content@body',
    ]);
    expect(codes('call_centre_task', { queue: 'Care', priority: 'low', script: '' })).toEqual([
      'message-without-content@script',
    ]);
  });

  it('warns about long SMS and flags bad URLs, empty windows and empty updates', () => {
    expect(codes('sms', { text: 'x'.repeat(200) })).toEqual(['long-sms@text']);
    expect(codes('webhook', { ...VALID_CONFIGS.webhook, url: 'example.com' })).toEqual([
      'invalid-url@url',
    ]);
    expect(codes('time_window', { weekdays: [], startHour: 10, endHour: 9 })).toEqual([
      'required-field@weekdays',
      'empty-time-window@endHour',
    ]);
    expect(codes('update_profile', { operations: [] })).toEqual(['required-field@operations']);
  });

  it('flags incomplete and empty conditions, reserved and repeated split keys', () => {
    const incomplete = {
      type: 'group',
      op: 'and',
      rules: [{ type: 'attribute', attribute: 'plan', valueType: 'text', operator: 'equals' }],
    };
    expect(codes('if_else', { condition: incomplete })).toEqual([
      'incomplete-condition@condition.rules.0.value',
    ]);
    expect(codes('if_else', { condition: { type: 'group', op: 'and', rules: [] } })).toEqual([
      'empty-condition@condition',
    ]);
    const empty = { type: 'group', op: 'and', rules: [] };
    expect(
      codes('multi_split', {
        branches: [
          { key: 'else', label: '', condition: empty },
          { key: 'b', label: '', condition: empty },
        ],
      }),
    ).toEqual(['duplicate-branch-key@branches.0.key', 'shadowed-branch@branches.0.condition']);
  });

  it('requires dates and targets to be chosen', () => {
    expect(codes('wait_until', { until: { type: 'fixed', at: 'soon' } })).toEqual([
      'invalid-date@until.at',
    ]);
    expect(
      codes('scheduled_audience', STEP_DEFINITIONS.scheduled_audience.defaultConfig()),
    ).toEqual(['required-field@at']);
    expect(
      codes('wait_for_event', {
        ...VALID_CONFIGS.wait_for_event,
        target: { type: 'engagement', stepId: '', engagement: 'opened' },
      }),
    ).toEqual(['required-field@target.stepId']);
  });
});
