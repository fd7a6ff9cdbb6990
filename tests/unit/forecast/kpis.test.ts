import { describe, expect, it } from 'vitest';
import {
  maxMessagesInWindow,
  messagesPerProfilePerWeek,
  npsFromEvents,
  npsFromScores,
  perfectOrderRate,
  shareOverCap,
} from '../../../src/domain/forecast';
import type { Profile, ProfileEvent } from '../../../src/domain/profiles/profile';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

function profile(id: string, events: ProfileEvent[]): Profile {
  return {
    id,
    attributes: { consent: {}, tags: [], custom: {} },
    events: [...events].sort((a, b) => a.at - b.at),
  };
}
const nps = (day: number, score: unknown): ProfileEvent => ({
  name: 'nps_response',
  at: T0 + day * DAY,
  props: { score: score as number },
});

describe('npsFromEvents', () => {
  const profiles = [
    profile('a', [nps(0, 10), nps(10, 9)]),
    profile('b', [nps(1, 8), nps(2, 7), nps(3, 6)]),
    profile('c', [nps(4, 0), nps(5, 'x'), nps(6, 11), { name: 'order_placed', at: T0, props: {} }]),
    profile('d', []),
  ];

  it('tallies promoters, passives and detractors', () => {
    expect(npsFromEvents(profiles)).toEqual({
      responses: 6,
      promoters: 2,
      passives: 2,
      detractors: 2,
      invalid: 2,
      nps: 0,
    });
  });

  it('restricts to a window [from, to)', () => {
    const early = npsFromEvents(profiles, { from: T0, to: T0 + 3 * DAY });
    expect(early).toMatchObject({ responses: 3, promoters: 1, passives: 2, detractors: 0 });
    expect(early.nps).toBeCloseTo(100 / 3, 12);
    expect(npsFromEvents(profiles, { from: T0 + 10 * DAY }).nps).toBe(100);
    expect(npsFromEvents(profiles, { to: T0 }).nps).toBeNull();
  });

  it('reads another event and property when told', () => {
    const survey = profile('e', [
      { name: 'survey', at: T0, props: { nps: 3 } },
      { name: 'survey', at: T0, props: { nps: '9' } },
    ]);
    expect(npsFromEvents([survey], { eventName: 'survey', scoreProp: 'nps' })).toMatchObject({
      responses: 2,
      nps: 0,
    });
    expect(npsFromScores([6, 6, 6, 10]).nps).toBe(-50);
  });
});

describe('perfectOrderRate', () => {
  const order = (day: number, orderId?: string): ProfileEvent => ({
    name: 'order_placed',
    at: T0 + day * DAY,
    props: orderId === undefined ? { amount: 10 } : { amount: 10, orderId },
  });
  const delivered = (
    day: number,
    orderId: string,
    onTime: boolean,
    complete: boolean,
  ): ProfileEvent => ({
    name: 'order_delivered',
    at: T0 + day * DAY,
    props: { orderId, onTime, complete },
  });
  const profiles = [
    profile('a', [
      order(0, 'a1'),
      delivered(2, 'a1', true, true),
      order(5, 'a2'),
      delivered(9, 'a2', false, true),
    ]),
    profile('b', [order(1, 'b1'), delivered(3, 'b1', true, false), order(4, 'b2')]),
    profile('c', [
      order(2),
      order(6, 'c1'),
      delivered(7, 'c1', false, false),
      delivered(8, 'c1', true, true),
    ]),
    profile('d', [delivered(1, 'a1', true, true)]),
  ];

  it('counts perfect deliveries over all orders', () => {
    expect(perfectOrderRate(profiles)).toEqual({
      orders: 6,
      delivered: 4,
      perfect: 2,
      rate: 2 / 6,
    });
  });

  it('takes orders placed in the window, matching deliveries at any time', () => {
    expect(perfectOrderRate(profiles, { from: T0, to: T0 + 3 * DAY })).toEqual({
      orders: 3,
      delivered: 2,
      perfect: 1,
      rate: 1 / 3,
    });
    expect(perfectOrderRate(profiles, { from: T0 + 6 * DAY })).toMatchObject({
      orders: 1,
      perfect: 1,
      rate: 1,
    });
    expect(perfectOrderRate([profiles[3] as Profile]).rate).toBeNull();
  });
});

describe('fatigue helpers', () => {
  it('computes messages per profile per week and the share over a cap', () => {
    expect(messagesPerProfilePerWeek(300, 100, 14)).toBe(1.5);
    expect(messagesPerProfilePerWeek(300, 0, 14)).toBe(0);
    expect(shareOverCap([0, 1, 2, 3, 4], { cap: 2 })).toBe(0.4);
    expect(shareOverCap([], { cap: 2 })).toBe(0);
  });

  it('finds the busiest rolling window', () => {
    const times = [0, 1, 2, 6.5, 7, 7.5].map((d) => T0 + d * DAY);
    expect(maxMessagesInWindow(times, 7)).toBe(5);
    expect(maxMessagesInWindow(times, 6)).toBe(4);
    expect(maxMessagesInWindow(times, 1)).toBe(2);
    expect(maxMessagesInWindow([], 7)).toBe(0);
  });
});
