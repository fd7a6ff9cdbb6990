import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  compile,
  validate,
  validateSpec,
  type ConditionGroup,
  type Diagnostic,
  type JourneyDocument,
} from '../../../src/domain/index.ts';
import { makeDoc, simpleDoc, validConfig } from '../journey/doc-fixture.ts';

const find = (doc: JourneyDocument, code: string): Diagnostic[] =>
  validate(doc).filter((d) => d.code === code);

/** A condition whose groups nest `depth` deep, built without recursion. */
function nestedCondition(depth: number): ConditionGroup {
  const leaf: ConditionGroup = {
    type: 'group',
    op: 'and',
    rules: [{ type: 'attribute', attribute: 'plan', valueType: 'text', operator: 'is_set' }],
  };
  let group = leaf;
  for (let i = 1; i < depth; i++) group = { type: 'group', op: 'or', rules: [group] };
  return group;
}

function withStepId(id: string): JourneyDocument {
  const doc = simpleDoc();
  doc.steps = doc.steps.map((s) => (s.id === 'e' ? { ...s, id } : s));
  doc.connections = doc.connections.map((c) => ({
    ...c,
    from: c.from === 'e' ? id : c.from,
    to: c.to === 'e' ? id : c.to,
  }));
  return doc;
}

describe('unsafe ids and keys', () => {
  it.each([
    '__proto__',
    'constructor',
    'toString',
    '',
    ' padded',
    'tab\there',
    'x'.repeat(129),
    'rtl\u202Egnp.exe',
    '\ud800',
  ])('refuses the step id %j on its step, and compiles nothing', (id) => {
    const doc = withStepId(id);
    expect(find(doc, 'unsafe-id')).toMatchObject([{ severity: 'error', stepId: id }]);
    expect(compile(doc).spec).toBeNull();
  });

  it('accepts ordinary ids, including UUIDs and dotted names', () => {
    for (const id of [
      'welcome-email',
      '4b8c6a1e-92f4-4c1e-8f0e-0c3b1f2a9d11',
      'email.2',
      'x'.repeat(128),
    ])
      expect(find(withStepId(id), 'unsafe-id')).toEqual([]);
  });

  it('keeps a "__proto__" step in the analysis instead of losing it', () => {
    const doc = withStepId('__proto__');
    const codes = validate(doc).map((d) => d.code);
    expect(codes).not.toContain('dangling-connection');
    expect(codes).not.toContain('unreachable-step');
  });

  it('refuses a branch key that is not a safe name, on its step', () => {
    const config = validConfig('random_split');
    (config['variants'] as { key: string }[])[0]!.key = '__proto__';
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['r', 'random_split', config],
      ],
      [['t', 'r']],
    );
    expect(find(doc, 'unsafe-branch-key')).toMatchObject([
      { stepId: 'r', field: 'branch:__proto__' },
    ]);
    const fine = makeDoc(
      [
        ['t', 'event'],
        ['r', 'random_split'],
      ],
      [['t', 'r']],
    );
    expect(find(fine, 'unsafe-branch-key')).toEqual([]);
  });

  it('refuses an arrow id that is not a safe name', () => {
    const doc = simpleDoc();
    doc.connections[0]!.id = 'constructor';
    expect(find(doc, 'unsafe-id')).toMatchObject([{ connectionId: 'constructor' }]);
    expect(find(simpleDoc(), 'unsafe-id')).toEqual([]);
  });
});

describe('limits', () => {
  it(`condition-too-deep past ${LIMITS.conditionDepth} nested groups, without overflowing the stack`, () => {
    for (const depth of [LIMITS.conditionDepth + 1, 100_000]) {
      const doc = makeDoc(
        [
          ['t', 'event'],
          ['if', 'if_else', { condition: nestedCondition(depth) }],
        ],
        [['t', 'if']],
      );
      expect(find(doc, 'condition-too-deep')).toMatchObject([
        { severity: 'error', stepId: 'if', field: 'condition' },
      ]);
      expect(compile(doc).spec).toBeNull();
    }
    const atLimit = makeDoc(
      [
        ['t', 'event'],
        ['if', 'if_else', { condition: nestedCondition(LIMITS.conditionDepth) }],
      ],
      [['t', 'if']],
    );
    expect(find(atLimit, 'condition-too-deep')).toEqual([]);
  });

  it('config-too-deep for any other deep nesting in a step', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['e', 'email', { ...validConfig('email'), body: deep }],
      ],
      [['t', 'e']],
    );
    expect(find(doc, 'config-too-deep')).toMatchObject([{ stepId: 'e' }]);
    expect(find(simpleDoc(), 'config-too-deep')).toEqual([]);
  });

  it('too-many-steps past the limit', () => {
    const doc = simpleDoc();
    const extra = doc.steps[3]!;
    doc.steps = [
      ...doc.steps,
      ...Array.from({ length: LIMITS.steps }, (_, i) => ({ ...extra, id: `x${i}` })),
    ];
    expect(find(doc, 'too-many-steps')).toHaveLength(1);
    expect(find(simpleDoc(), 'too-many-steps')).toEqual([]);
  });

  it('too-many-connections past the limit', () => {
    const doc = simpleDoc();
    const arrow = doc.connections[0]!;
    doc.connections = Array.from({ length: LIMITS.connections + 1 }, (_, i) => ({
      ...arrow,
      id: `c${i}`,
    }));
    expect(find(doc, 'too-many-connections')).toHaveLength(1);
    expect(find(simpleDoc(), 'too-many-connections')).toEqual([]);
  });

  it('text-too-long on labels, names and texts inside settings', () => {
    const doc = simpleDoc();
    doc.name = 'n'.repeat(LIMITS.labelLength + 1);
    doc.steps[1]!.label = 'l'.repeat(LIMITS.labelLength + 1);
    doc.steps[1]!.config = { ...validConfig('email'), body: 'b'.repeat(LIMITS.textLength + 1) };
    expect(find(doc, 'text-too-long')).toMatchObject([
      { field: 'name' },
      { stepId: 'e', field: 'label' },
      { stepId: 'e', field: 'body' },
    ]);
    expect(find(simpleDoc(), 'text-too-long')).toEqual([]);
  });

  it('a delay of 1e308 days is refused on the step, never compiled to Infinity', () => {
    const doc = simpleDoc();
    doc.steps[2]!.config = { amount: 1e308, unit: 'days' };
    expect(find(doc, 'invalid-config')).toMatchObject([{ stepId: 'd', field: 'amount' }]);
    expect(compile(doc).spec).toBeNull();
    doc.steps[2]!.config = { amount: 3650, unit: 'days' };
    expect(compile(doc).spec).not.toBeNull();
  });

  it('number-out-of-range for numbers that are not finite (from memory, not JSON)', () => {
    const doc = simpleDoc();
    doc.steps[2]!.config = { amount: Number.POSITIVE_INFINITY, unit: 'days' };
    expect(find(doc, 'number-out-of-range')).toMatchObject([{ stepId: 'd', field: 'amount' }]);
    expect(find(simpleDoc(), 'number-out-of-range')).toEqual([]);
  });

  it('a goal window over ten years is a settings error', () => {
    const doc = simpleDoc();
    doc.settings.goal = {
      event: 'order_placed',
      propertyFilters: [],
      windowDays: 1e308,
      endsJourney: false,
    };
    expect(find(doc, 'invalid-settings')).toMatchObject([{ field: 'settings.goal.windowDays' }]);
  });
});

describe('loops', () => {
  const loopThrough = (delay: Record<string, unknown>) =>
    makeDoc(
      [
        ['t', 'event'],
        ['d', 'delay', delay],
        ['if', 'if_else'],
        ['e', 'email'],
      ],
      [
        ['t', 'd'],
        ['d', 'if'],
        ['if', 'd', 'yes'],
        ['if', 'e', 'no'],
      ],
    );

  it('short-cycle: a loop waiting less than an hour warns on every step of the loop', () => {
    const found = find(loopThrough({ amount: 1, unit: 'minutes' }), 'short-cycle');
    expect(found.map((d) => [d.severity, d.stepId])).toEqual([
      ['warning', 'd'],
      ['warning', 'if'],
    ]);
    expect(found[0]?.message).toMatch(/every 1 minute/);
  });

  it('no short-cycle when the waits add up to an hour or more', () => {
    expect(find(loopThrough({ amount: 1, unit: 'hours' }), 'short-cycle')).toEqual([]);
    expect(find(loopThrough({ amount: 2, unit: 'days' }), 'short-cycle')).toEqual([]);
  });

  it('adds up the delays round the loop', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['d1', 'delay', { amount: 20, unit: 'minutes' }],
        ['d2', 'delay', { amount: 20, unit: 'minutes' }],
        ['d3', 'delay', { amount: 30, unit: 'minutes' }],
      ],
      [
        ['t', 'd1'],
        ['d1', 'd2'],
        ['d2', 'd3'],
        ['d3', 'd1'],
      ],
    );
    expect(find(doc, 'short-cycle')).toEqual([]);
    doc.steps[3]!.config = { amount: 19, unit: 'minutes' };
    expect(
      find(doc, 'short-cycle')
        .map((d) => d.stepId)
        .sort(),
    ).toEqual(['d1', 'd2', 'd3']);
  });
});

describe('validateSpec refuses what the validator refuses', () => {
  function welcomeSpec(): Record<string, unknown> {
    const spec = compile(simpleDoc()).spec;
    if (spec === null) throw new Error('fixture does not compile');
    return JSON.parse(JSON.stringify(spec)) as Record<string, unknown>;
  }
  const codesOf = (spec: unknown) => validateSpec(spec).map((d) => d.code);

  it('a "__proto__" step in a spec', () => {
    const spec = welcomeSpec();
    const text = JSON.stringify(spec)
      .replace('"s":{', '"__proto__":{')
      .replaceAll('"s"', '"__proto__"');
    expect(codesOf(JSON.parse(text))).toContain('spec-reserved-key');
    expect(codesOf(spec)).toEqual([]);
  });

  it('a cooldown on a journey that never lets people back in', () => {
    const spec = welcomeSpec() as { settings: { entry: { cooldownDays: number | null } } };
    spec.settings.entry.cooldownDays = 42;
    expect(codesOf(spec)).toEqual(['spec-settings-mismatch']);
  });

  it('an entry listed twice', () => {
    const spec = welcomeSpec() as { entry: string[] };
    spec.entry.push(spec.entry[0]!);
    expect(codesOf(spec)).toEqual(['spec-duplicate-entry']);
  });

  it('a step id that is not a safe name, even when the schema would take it', () => {
    const spec = welcomeSpec();
    const text = JSON.stringify(spec).replaceAll('"s"', '"toString"');
    expect(codesOf(JSON.parse(text))).toContain('spec-reserved-key');
    const spaced = JSON.parse(JSON.stringify(spec).replaceAll('"s"', '" s"')) as unknown;
    expect(codesOf(spaced)).toContain('unsafe-id');
  });

  it('a label over the limit and a number that is not finite', () => {
    const spec = welcomeSpec() as { steps: Record<string, Record<string, unknown>> };
    spec.steps['s']!['label'] = 'l'.repeat(LIMITS.labelLength + 1);
    expect(codesOf(spec)).toContain('text-too-long');
    spec.steps['s']!['label'] = 'SMS';
    spec.steps['d']!['amount'] = Number.NaN;
    expect(codesOf(spec)).toContain('spec-number-not-finite');
  });

  it('a derived duration that does not match its amount', () => {
    const spec = welcomeSpec() as { steps: Record<string, Record<string, unknown>> };
    spec.steps['d']!['durationMs'] = 1;
    expect(codesOf(spec)).toEqual(['spec-derived-mismatch']);
  });

  it('a loop with no wait, found by the document rules', () => {
    const spec = welcomeSpec() as { steps: Record<string, { next: Record<string, string> }> };
    spec.steps['e']!.next['next'] = 'e';
    expect(codesOf(spec)).toEqual(expect.arrayContaining(['self-loop', 'cycle-without-wait']));
  });

  it('conditions nested 100,000 deep, without overflowing the stack', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['if', 'if_else'],
        ['e', 'email'],
      ],
      [
        ['t', 'if'],
        ['if', 'e', 'yes'],
        ['if', 'e', 'no'],
      ],
    );
    const spec = JSON.parse(JSON.stringify(compile(doc).spec)) as {
      steps: Record<string, Record<string, unknown>>;
    };
    spec.steps['if']!['condition'] = nestedCondition(100_000);
    expect(validateSpec(spec)).toMatchObject([
      { code: expect.stringMatching(/^spec-(condition-)?too-deep$/), stepId: 'if' },
    ]);
  });
});

describe('attribute names', () => {
  it('refuses custom.__proto__ in an update and in a condition, on the step', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        [
          'u',
          'update_profile',
          { operations: [{ type: 'set_attribute', attribute: 'custom.__proto__', value: 1 }] },
        ],
        [
          'if',
          'if_else',
          {
            condition: {
              type: 'group',
              op: 'and',
              rules: [
                {
                  type: 'attribute',
                  attribute: 'custom.constructor',
                  valueType: 'boolean',
                  operator: 'is_true',
                },
              ],
            },
          },
        ],
      ],
      [
        ['t', 'u'],
        ['u', 'if'],
      ],
    );
    const found = validate(doc).filter((d) => /attribute's name/.test(d.message));
    expect(found.map((d) => [d.stepId, d.field])).toEqual([
      ['u', 'operations.0.attribute'],
      ['if', 'condition.rules.0.attribute'],
    ]);
  });

  it('accepts ordinary custom attribute names', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        [
          'u',
          'update_profile',
          { operations: [{ type: 'set_attribute', attribute: 'custom.shoe_size', value: 42 }] },
        ],
      ],
      [['t', 'u']],
    );
    expect(validate(doc).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
