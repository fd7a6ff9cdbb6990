/**
 * `npm run demo:live`: a reference executor on Postgres and the app (vite dev, the mock off, /api
 * proxied to the executor), the welcome series published, and the "Demo customers" profile set's
 * sign-ups and orders fed in day by day on the executor's test clock, so live counts move on the
 * canvas within a minute. Ctrl+C stops everything it started.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { compile, restore } from '../src/domain/index.ts';
import { generateProfileBatches } from '../src/domain/profiles/generate/generate-profiles.ts';
import { ExecutorClient } from '../tests/executor/support/client.ts';
import { createTestDatabase } from '../tests/executor/support/postgres.ts';
import { spawnExecutor } from '../tests/executor/support/spawn.ts';

const DAY = 86_400_000;
const APP_PORT = Number(process.env.PORT ?? 5173);
/** Simulated days fed per second of real time. */
const DAYS_PER_SECOND = Number(process.env.DEMO_DAYS_PER_SECOND ?? 2);
/** The events the welcome series reads: its trigger, goal and exit criterion. */
const EVENTS = new Set(['signed_up', 'order_placed', 'account_deleted']);

const databaseUrl = await createTestDatabase('wayfinder_demo_live');
const executor = await spawnExecutor({
  databaseUrl,
  executorId: 'demo-live',
  env: { REORDER_WINDOW_MS: '0' },
});
const api = new ExecutorClient(executor.url);
console.log(`executor on ${executor.url} (Postgres database wayfinder_demo_live, test clock)`);

// The same profiles as the app's "Demo customers" (seed-demo.ts: 5,000, seed 2026, the year to
// the first of this month), so a forecast there predicts what is fed here.
const now = new Date();
const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
const start = end - 365 * DAY;
const profiles = [...generateProfileBatches({ count: 5_000, seed: 2026, start, end })].flat();

const restored = restore(JSON.parse(readFileSync('examples/welcome-series.journey.json', 'utf8')));
if (!restored.ok) throw new Error('examples/welcome-series.journey.json does not restore');
const document = restored.document;
const { spec } = compile(document, { version: 1 });
if (spec === null) throw new Error('the welcome series does not compile');
await api.setClock(start);
const published = await api.publish(document.id, spec, 'demo-live-welcome-series');
if (published.status >= 300) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);

const vite = spawn('npx', ['vite', '--port', String(APP_PORT), '--strictPort'], {
  stdio: 'inherit',
  env: { ...process.env, VITE_MOCK_BACKEND: 'off', WAYFINDER_EXECUTOR_URL: executor.url },
});
const stop = async () => {
  vite.kill('SIGTERM');
  await executor.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

console.log(`
app on http://127.0.0.1:${APP_PORT} (its /api is the executor)
  1. Journeys → Import → examples/welcome-series.journey.json (journey id "welcome-series",
     published here as version 1), and open it: live counts of version 1 are on the canvas.
  2. "Forecast v1" runs the forecast on Demo customers; "Both" compares; "Forecast vs actual"
     draws the forecast band per day against the days fed so far.
Feeding ${profiles.length} customers' sign-ups and orders, ${DAYS_PER_SECOND} days a second…`);

const events = profiles
  .flatMap((p) =>
    p.events
      .filter((e) => EVENTS.has(e.name) && e.at >= start && e.at < end)
      .map((e, i) => ({ profile: p, event: e, id: `${p.id}:${e.name}:${e.at}:${i}` })),
  )
  .sort((a, b) => a.event.at - b.event.at);
const known = new Set<string>();
let next = 0;
for (let day = start; day < end; day += DAY) {
  const due = [];
  while (next < events.length && (events[next]?.event.at ?? Infinity) < day + DAY)
    due.push(events[next++] as (typeof events)[number]);
  const newcomers = due.map((d) => d.profile).filter((p) => !known.has(p.id) && known.add(p.id));
  await api.putProfiles(newcomers.map((p) => ({ id: p.id, attributes: p.attributes })));
  if (due.length > 0)
    await api.postEvents(
      due.map((d) => ({
        id: d.id,
        profileId: d.profile.id,
        name: d.event.name,
        at: d.event.at,
        ...(d.event.props === undefined ? {} : { props: d.event.props }),
      })),
    );
  await api.setClock(day + DAY);
  await new Promise((resolve) => setTimeout(resolve, 1000 / DAYS_PER_SECOND));
}
console.log('fed the whole year; the executor keeps running until Ctrl+C');
