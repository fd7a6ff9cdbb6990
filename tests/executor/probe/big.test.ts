import { it, expect } from 'vitest';
import { delay, email, journeyOf, onEvent } from '../../../src/domain/conformance/case-builder.ts';
import { signUps, specOf } from '../support/journeys.ts';
import { startTestExecutor } from '../support/test-executor.ts';

const T0 = Date.UTC(2026, 4, 4, 10);
it('big', { timeout: 600_000 }, async () => {
  const steps: Parameters<typeof journeyOf>[2] = [['t', 'event', onEvent('signed_up')]];
  const links: Parameters<typeof journeyOf>[3] = [];
  let prev = 't';
  for (let i = 0; i < 1999; i++) {
    const id = `s${i}`;
    steps.push(i % 2 === 0 ? [id, 'email', email(`Hi {{ profile.name }} ${i}`)] : [id, 'delay', delay(1, 'minutes')]);
    links.push([prev, 'next', id]);
    prev = id;
  }
  let t = performance.now();
  const spec = specOf(journeyOf('big', 'Big', steps, links));
  console.log('compile ms', performance.now() - t, 'bytes', JSON.stringify({ spec }).length);
  const te = await startTestExecutor({ name: 'probe-big', at: T0 });
  try {
    t = performance.now();
    const r = await te.api.publish('big', spec, 'k');
    console.log('publish', r.status, JSON.stringify(r.body).slice(0, 300), performance.now() - t);
    const { profiles, events } = signUps(20, T0 + 1000);
    await te.api.putProfiles(profiles);
    await te.api.postEvents(events);
    t = performance.now();
    const adv = await te.api.advance(3 * 86_400_000);
    console.log('advance', JSON.stringify(adv), performance.now() - t);
    const counts = await te.api.call('GET', '/journeys/big/versions/1/counts');
    console.log('counts', counts.status, JSON.stringify(counts.body).length);
    const runs = await te.api.call<{ runs: { end: string; steps: unknown[] }[] }>('GET', '/profiles/p-00001/journeys/big/runs');
    console.log('runs', runs.status, runs.body.runs?.[0]?.end, runs.body.runs?.[0]?.steps.length);
    expect(1).toBe(1);
  } finally {
    await te.stop();
  }
});
