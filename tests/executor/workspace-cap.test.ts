import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import {
  versionCountsSchema,
  workspaceFrequencyCapSchema,
} from '../../src/domain/contract/executor-contract.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, specOf } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';

const T0 = Date.UTC(2026, 4, 4, 10);
const HOUR = 3_600_000;

let running: TestExecutor;
let api: ExecutorClient;

/** On sign-up, wait `hours` (none when 0), then an email. */
function emailAfter(id: string, hours: number) {
  const steps: Parameters<typeof journeyOf>[2] = [['t', 'event', onEvent('signed_up')]];
  const links: Parameters<typeof journeyOf>[3] = [];
  if (hours > 0) {
    steps.push(['d', 'delay', delay(hours, 'hours')]);
    links.push(['t', 'next', 'd'], ['d', 'next', 'm']);
  } else links.push(['t', 'next', 'm']);
  steps.push(['m', 'email', email(`From ${id}`)]);
  return specOf(journeyOf(id, id, steps, links));
}

beforeAll(async () => {
  running = await startTestExecutor({ name: 'cap', at: T0 });
  api = running.api;
});

afterAll(async () => {
  await running?.stop();
});

describe('the workspace frequency cap', () => {
  it('is off until set, refuses a malformed cap and keeps the one before', async () => {
    expect(
      workspaceFrequencyCapSchema.parse(await api.ok('GET', '/settings/frequency-cap')),
    ).toMatchObject({ enabled: false });
    const cap = {
      enabled: true,
      max: 1,
      periodDays: 7,
      perChannel: { sms: { max: 1, periodDays: 1 } },
    };
    expect(await api.ok('PUT', '/settings/frequency-cap', cap)).toEqual(cap);
    const bad = await api.call('PUT', '/settings/frequency-cap', { enabled: true, max: 0 });
    expect(bad.status).toBe(400);
    expect(await api.ok('GET', '/settings/frequency-cap')).toEqual(cap);
  });

  it('counts messages from every journey: the second journey’s email is capped', async () => {
    await api.ok('PUT', '/settings/frequency-cap', {
      enabled: true,
      max: 1,
      periodDays: 7,
      perChannel: {},
    });
    expect((await api.publish('cap-later', emailAfter('cap-later', 2), 'a')).status).toBe(201);
    expect((await api.publish('cap-first', emailAfter('cap-first', 0), 'b')).status).toBe(201);
    const { profiles, events } = signUps(5, T0 + HOUR, 'cap');
    await api.putProfiles(profiles);
    await api.postEvents(events);
    await api.advance(6 * HOUR);
    const first = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/cap-first/versions/1/counts'),
    );
    const later = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/cap-later/versions/1/counts'),
    );
    expect(first.steps['m']?.sent).toBe(5);
    expect(later.steps['m']?.sent).toBe(0);
    // Capped, not lost: every run reached the email and went on as spec §4 says.
    expect(later.steps['m']?.entered).toBe(5);
    expect(later.steps['m']?.exitedBy.completed).toBe(5);
  });
});
