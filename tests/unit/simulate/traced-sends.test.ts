// A traced send's `why`: what was drawn, in draw order, and why a message was not sent.
import { describe, expect, it } from 'vitest';
import type { SimulationOptions } from '../../../src/domain/simulate/options.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import type { TraceStep } from '../../../src/domain/simulate/trace.ts';
import { at, email, event, person, specOf, type LinkRow, type StepRow } from './helpers.ts';

const window = { seed: 4, start: at('2025-01-01T00:00:00Z'), horizonDays: 30 };

/** Order placed, then emails `m1`, `m2`… one after another, then an exit. */
function emails(count: number, settings: Record<string, unknown> = {}) {
  const ids = Array.from({ length: count }, (_, i) => `m${i + 1}`);
  return specOf(
    [
      ['t', 'event', event('order_placed')],
      ...ids.map((id): StepRow => [id, 'email', email()]),
      ['x', 'exit', { reason: 'done' }],
    ],
    [...ids, 'x'].map((id, i): LinkRow => [i === 0 ? 't' : (ids[i - 1] as string), 'next', id]),
    settings,
  );
}

function tracedSteps(
  spec: ReturnType<typeof emails>,
  behaviour: SimulationOptions['behaviour'],
  attributes: Parameters<typeof person>[2] = {},
): TraceStep[] {
  const r = simulate(
    spec,
    [person('p', [['order_placed', '2025-01-10T23:00:00Z']], { timeZone: 'UTC', ...attributes })],
    { ...window, behaviour, traceProfileIds: ['p'] },
  );
  return r.traces[0]?.runs[0]?.steps ?? [];
}

const codes = (step: TraceStep | undefined) => step?.why?.map((w) => w.code);

describe('traced sends', () => {
  it('list every engagement drawn, in the order drawn, and the conversion', () => {
    const spec = emails(1, {
      goal: { event: 'order_placed', propertyFilters: [], windowDays: 10, endsJourney: false },
    });
    const always = {
      deliveredRate: 1,
      openRate: 1,
      clickRate: 1,
      unsubscribeRate: 0,
      conversionRate: 1,
    };
    const m1 = tracedSteps(spec, { email: always }).find((s) => s.stepId === 'm1');
    expect(codes(m1)).toEqual(['sent', 'delivered', 'opened', 'clicked', 'converted']);
    const [, opened, clicked, converted] = m1?.why?.slice(1) ?? [];
    expect(opened?.values?.['at']).toBeGreaterThan(at('2025-01-10T23:00:00Z'));
    expect(clicked?.values?.['at']).toBeGreaterThanOrEqual(opened?.values?.['at'] as number);
    expect(converted?.values).toMatchObject({ event: 'order_placed' });
  });

  it('say a message was sent but not delivered', () => {
    const m1 = tracedSteps(emails(1), { email: { deliveredRate: 0 } }).find(
      (s) => s.stepId === 'm1',
    );
    expect(codes(m1)).toEqual(['notDelivered']);
  });

  it('say why a message was not sent: unreachable, or deferred by quiet hours then capped', () => {
    const unreachable = tracedSteps(emails(1), {}, { consent: {} }).find((s) => s.stepId === 'm1');
    expect(unreachable?.why).toEqual([{ code: 'notReachable', values: { channel: 'email' } }]);

    const spec = emails(2, {
      quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' },
      frequencyCap: { enabled: true, max: 1, periodDays: 1, perChannel: {} },
    });
    const steps = tracedSteps(spec, { email: { deliveredRate: 0 } });
    const morning = at('2025-01-11T08:00:00Z');
    expect(steps.find((s) => s.stepId === 'm1')?.why).toEqual([
      { code: 'quietDeferred', values: { zone: 'UTC', at: morning } },
      { code: 'notDelivered' },
    ]);
    expect(codes(steps.find((s) => s.stepId === 'm2'))).toEqual(['capped']);
  });
});
