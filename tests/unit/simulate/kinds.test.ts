import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import {
  QUIET_BEHAVIOUR,
  at,
  brokenCounts,
  delay,
  email,
  event,
  person,
  specOf,
} from './helpers.ts';
import { ordersAtLeast } from './helpers.ts';

const window = {
  seed: 1,
  behaviour: QUIET_BEHAVIOUR,
  start: at('2024-05-01T00:00:00Z'),
  horizonDays: 30,
};
const ordersInWeek = ordersAtLeast(1, 7);

describe('simulate: every kind', () => {
  it('decides if/else on arrival with only past events and explains the decision', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['d', 'delay', delay(1, 'days')],
        ['c', 'if_else', { condition: ordersInWeek }],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'c'],
        ['c', 'yes', 'm'],
      ],
    );
    const profiles = [
      person('no', [
        ['visit', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-03T10:00:00Z'],
      ]),
      person('yes', [
        ['order_placed', '2024-04-29T10:00:00Z'],
        ['visit', '2024-05-01T10:00:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, { ...window, traceProfileIds: ['no'] });
    expect(r.steps['c']).toMatchObject({
      entered: 2,
      byBranch: { yes: 1 },
      exitedBy: { completed: 1 },
    });
    const reason = r.traces[0]?.runs[0]?.steps.find((s) => s.stepId === 'c')?.reason;
    expect(reason).toContain("went 'No': order_placed 0 times in the last 7 days");
  });

  it('takes the first matching multi-split path, else everyone else', () => {
    const plan = (p: string) => ({
      type: 'group',
      op: 'and',
      rules: [
        { type: 'attribute', attribute: 'plan', valueType: 'text', operator: 'equals', value: p },
      ],
    });
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        [
          's',
          'multi_split',
          {
            branches: [
              { key: 'pro', label: 'Pro', condition: plan('pro') },
              { key: 'any', label: 'Any', condition: { type: 'group', op: 'and', rules: [] } },
            ],
          },
        ],
      ],
      [['t', 'next', 's']],
    );
    const r = simulate(
      spec,
      [
        person('a', [['visit', '2024-05-01T10:00:00Z']], { plan: 'pro' }),
        person('b', [['visit', '2024-05-01T10:00:00Z']]),
      ],
      window,
    );
    expect(r.steps['s']?.exitedBy.completed).toBe(2);
    const spec2 = specOf(
      [
        ['t', 'event', event('visit')],
        ['s', 'multi_split', { branches: [{ key: 'pro', label: 'Pro', condition: plan('pro') }] }],
        ['m', 'email', email()],
        ['n', 'email', email()],
      ],
      [
        ['t', 'next', 's'],
        ['s', 'pro', 'm'],
        ['s', 'else', 'n'],
      ],
    );
    const r2 = simulate(
      spec2,
      [
        person('a', [['visit', '2024-05-01T10:00:00Z']], { plan: 'pro' }),
        person('b', [['visit', '2024-05-01T10:00:00Z']]),
      ],
      window,
    );
    expect(r2.steps['s']?.byBranch).toEqual({ pro: 1, else: 1 });
    expect(r2.edgeCounts).toMatchObject({ 's->pro': 1, 's->else': 1 });
  });

  it('keeps a random split sticky for a profile across re-entries', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        [
          's',
          'random_split',
          {
            variants: [
              { key: 'a', label: 'A', percent: 50 },
              { key: 'b', label: 'B', percent: 50 },
            ],
          },
        ],
      ],
      [['t', 'next', 's']],
      { entry: { reentry: 'after_exit' } },
    );
    const visits: Array<[string, string]> = [1, 2, 3, 4, 5].map((d) => [
      'visit',
      `2024-05-0${d}T10:00:00Z`,
    ]);
    const r = simulate(spec, [person('a', visits)], { ...window, traceProfileIds: ['a'] });
    const branches = new Set(r.traces[0]?.runs.map((run) => run.steps[1]?.branch));
    expect(r.entries).toBe(5);
    expect(branches.size).toBe(1);
  });

  it('waits until a fixed time, or a date attribute at local time, or goes on at once when it passed', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        [
          'u',
          'wait_until',
          {
            until: {
              type: 'attribute',
              attribute: 'custom.renewal',
              offsetDays: -1,
              localTime: '09:00',
            },
          },
        ],
        ['f', 'wait_until', { until: { type: 'fixed', at: '2024-05-20T00:00:00Z' } }],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'u'],
        ['u', 'next', 'f'],
        ['f', 'next', 'm'],
      ],
    );
    const profiles = [
      // Renewal 10 May, one day before at 09:00 Berlin (CEST, UTC+2) = 9 May 07:00Z.
      person('renews', [['visit', '2024-05-01T10:00:00Z']], {
        timeZone: 'Europe/Berlin',
        custom: { renewal: '2024-05-10' },
      }),
      person('none', [['visit', '2024-05-01T10:00:00Z']]),
    ];
    const r = simulate(spec, profiles, { ...window, traceProfileIds: ['renews', 'none'] });
    const steps = (id: string) => r.traces.find((t) => t.profileId === id)?.runs[0]?.steps ?? [];
    expect(steps('renews').find((s) => s.stepId === 'u')?.leftAt).toBe(at('2024-05-09T07:00:00Z'));
    expect(steps('none').find((s) => s.stepId === 'u')?.leftAt).toBe(at('2024-05-01T10:00:00Z'));
    expect(steps('none').find((s) => s.stepId === 'm')?.at).toBe(at('2024-05-20T00:00:00Z'));
  });

  it('applies update_profile to later conditions of the same profile', () => {
    const vip = {
      type: 'group',
      op: 'and',
      rules: [
        {
          type: 'attribute',
          attribute: 'tags',
          valueType: 'list',
          operator: 'includes',
          value: 'vip',
        },
      ],
    };
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['u', 'update_profile', { operations: [{ type: 'add_tag', tag: 'vip' }] }],
        ['c', 'if_else', { condition: vip }],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'u'],
        ['u', 'next', 'c'],
        ['c', 'yes', 'm'],
      ],
    );
    const profile = person('a', [['visit', '2024-05-01T10:00:00Z']]);
    const r = simulate(spec, [profile], window);
    expect(r.steps['c']?.byBranch).toEqual({ yes: 1, no: 0 });
    expect(profile.attributes.tags).toEqual([]);
  });

  it('enters on a birthday at local time each year, once per profile', () => {
    const spec = specOf(
      [
        [
          'b',
          'date_attribute',
          {
            attribute: 'birthday',
            offsetDays: 0,
            direction: 'before',
            recurrence: 'yearly',
            localTime: '09:00',
          },
        ],
        ['m', 'email', email()],
      ],
      [['b', 'next', 'm']],
      { entry: { reentry: 'after_exit' } },
    );
    const profiles = [
      person('a', [], { birthday: '1990-05-10', timeZone: 'Asia/Tokyo' }),
      person('leap', [], { birthday: '2000-02-29' }),
    ];
    const r = simulate(spec, profiles, {
      ...window,
      start: at('2023-01-01T00:00:00Z'),
      horizonDays: 730,
      traceProfileIds: ['a', 'leap'],
    });
    const entries = (id: string) =>
      r.traces.find((t) => t.profileId === id)?.runs.map((run) => run.entryAt);
    // 09:00 in Tokyo (UTC+9) is 00:00Z.
    expect(entries('a')).toEqual([at('2023-05-10T00:00:00Z'), at('2024-05-10T00:00:00Z')]);
    expect(entries('leap')).toEqual([at('2023-02-28T09:00:00Z'), at('2024-02-29T09:00:00Z')]);
  });

  it('enters a scheduled audience at each occurrence for matching profiles', () => {
    const pro = {
      type: 'group',
      op: 'and',
      rules: [
        {
          type: 'attribute',
          attribute: 'plan',
          valueType: 'text',
          operator: 'equals',
          value: 'pro',
        },
      ],
    };
    const spec = specOf(
      [
        [
          's',
          'scheduled_audience',
          { at: '2024-05-02T09:00:00Z', recurrence: 'weekly', audience: pro },
        ],
        ['m', 'email', email()],
      ],
      [['s', 'next', 'm']],
      { entry: { reentry: 'after_exit' } },
    );
    const r = simulate(
      spec,
      [person('a', [], { plan: 'pro' }), person('b', [], { plan: 'free' })],
      window,
    );
    // 2, 9, 16, 23 and 30 May.
    expect(r.entries).toBe(5);
  });

  it('enters a segment when the condition turns true, at the start or at an event, not while it stays true', () => {
    const twoOrders = ordersAtLeast(2, null);
    const spec = specOf(
      [
        ['s', 'segment_entry', { condition: twoOrders }],
        ['m', 'email', email()],
      ],
      [['s', 'next', 'm']],
      { entry: { reentry: 'after_exit' } },
    );
    const profiles = [
      person('a', [
        ['order_placed', '2024-05-03T10:00:00Z'],
        ['order_placed', '2024-05-05T10:00:00Z'],
        ['order_placed', '2024-05-20T10:00:00Z'],
      ]),
      person('already', [
        ['order_placed', '2024-04-03T10:00:00Z'],
        ['order_placed', '2024-04-05T10:00:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, { ...window, traceProfileIds: ['a', 'already'] });
    const entries = (id: string) =>
      r.traces.find((t) => t.profileId === id)?.runs.map((run) => run.entryAt);
    expect(entries('a')).toEqual([at('2024-05-05T10:00:00Z')]);
    expect(entries('already')).toEqual([window.start]);
  });

  it('resolves a wait for engagement on a simulated open of an earlier message', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m', 'email', email()],
        [
          'w',
          'wait_for_event',
          {
            target: { type: 'engagement', stepId: 'm', engagement: 'opened' },
            timeout: delay(1, 'days'),
          },
        ],
      ],
      [
        ['t', 'next', 'm'],
        ['m', 'next', 'w'],
      ],
    );
    const behaviour = {
      email: {
        deliveredRate: 1,
        openRate: 1,
        clickRate: 0,
        deliveryDelayMinutes: 5,
        openDelayMinutes: 0,
      },
    };
    const r = simulate(spec, [person('a', [['visit', '2024-05-01T10:00:00Z']])], {
      ...window,
      behaviour,
      traceProfileIds: ['a'],
    });
    expect(r.steps['w']?.exitedBy.completed).toBe(1);
    expect(r.traces[0]?.runs[0]?.steps.find((s) => s.stepId === 'w')).toMatchObject({
      branch: 'happened',
      leftAt: at('2024-05-01T10:05:00Z'),
    });
    expect(r.channels.email).toMatchObject({ delivered: 1, opened: 1 });
  });

  it('counts unreachable and unsubscribed profiles as suppressed, and the exit step as an exit', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m1', 'email', email()],
        ['d', 'delay', delay(1, 'days')],
        ['m2', 'email', email()],
        ['x', 'exit', { reason: 'done' }],
      ],
      [
        ['t', 'next', 'm1'],
        ['m1', 'next', 'd'],
        ['d', 'next', 'm2'],
        ['m2', 'next', 'x'],
      ],
    );
    const behaviour = {
      email: {
        deliveredRate: 1,
        openRate: 0,
        unsubscribeRate: 1,
        deliveryDelayMinutes: 0,
        openDelayMinutes: 0,
      },
    };
    const profiles = [
      person('a', [['visit', '2024-05-01T10:00:00Z']]),
      person('b', [['visit', '2024-05-01T10:00:00Z']], { consent: {} }),
    ];
    const r = simulate(spec, profiles, { ...window, behaviour });
    expect(r.channels.email).toMatchObject({
      sent: 1,
      unsubscribed: 1,
      suppressed: { unreachable: 2, unsubscribed: 1 },
    });
    expect(r.steps['x']).toMatchObject({ entered: 2, exitedBy: { exit: 2 } });
    expect(brokenCounts(r)).toEqual([]);
  });

  it('records NPS answers with scores from the assumed distribution', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['n', 'nps_survey', { channel: 'email', question: 'Recommend us?' }],
      ],
      [['t', 'next', 'n']],
    );
    const nps = { answerRate: 1, scoreWeights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
    const profiles = [
      person('a', [['visit', '2024-05-01T10:00:00Z']]),
      person('b', [['visit', '2024-05-01T10:00:00Z']]),
    ];
    const r = simulate(spec, profiles, { ...window, nps, traceProfileIds: ['a'] });
    expect(r.nps).toMatchObject({ responses: 2, score: 100 });
    expect(
      r.traces[0]?.simulatedEvents.some(
        (e) => e.name === 'nps_response' && e.props?.['score'] === 10,
      ),
    ).toBe(true);
  });
});
