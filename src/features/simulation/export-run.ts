import type { SimulationResult } from '../../domain/index.ts';
import { toSafeCsv } from '../../domain/text/safe-csv.ts';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import { activeChannels, SUPPRESSION_CAUSES } from './active-channels.ts';
import { formatDay } from './format.ts';

const DAY_MS = 86_400_000;

/** Every CSV export goes through the one helper that neutralises spreadsheet formulas. */
const csv = toSafeCsv;

/** One row per step: entries, each branch taken, still waiting, ended there (by reason), sent. */
export function stepsCsv(result: SimulationResult): string {
  const steps = Object.values(result.steps);
  const branches = [...new Set(steps.flatMap((s) => Object.keys(s.byBranch)))].sort();
  const header = [
    'step_id',
    'label',
    'kind',
    'entered',
    ...branches.map((b) => `branch_${b}`),
    'waiting',
    'exited',
    'exited_goal',
    'exited_exit_criteria',
    'exited_completed',
    'sent',
    'channel',
  ];
  const rows = steps.map((s) => [
    s.stepId,
    s.label,
    s.kind,
    s.entered,
    ...branches.map((b) => s.byBranch[b] ?? ''),
    s.waiting,
    s.exited,
    s.exitedBy.goal,
    s.exitedBy.exit_criteria,
    s.exitedBy.completed,
    s.sent,
    s.channel ?? '',
  ]);
  return csv([header, ...rows]);
}

/** One row per channel that sent or held back anything: the funnel, suppressions and cost. */
export function channelsCsv(result: SimulationResult): string {
  const header = [
    'channel',
    'sent',
    'delivered',
    'opened',
    'clicked',
    'unsubscribed',
    ...SUPPRESSION_CAUSES.map(([cause]) => `suppressed_${cause}`),
    'cost',
  ];
  const rows: (string | number)[][] = [];
  for (const [channel, c] of activeChannels(result)) {
    rows.push([
      channel,
      c.sent,
      c.delivered,
      c.opened,
      c.clicked,
      c.unsubscribed,
      ...SUPPRESSION_CAUSES.map(([cause]) => c.suppressed[cause]),
      Math.round(c.cost * 100) / 100,
    ]);
  }
  return csv([header, ...rows]);
}

/** One row per simulated day (UTC date of its start), one column per channel. */
export function sendsPerDayCsv(result: SimulationResult): string {
  const channels = activeChannels(result)
    .filter(([, c]) => c.sent > 0)
    .map(([channel]) => channel);
  const days = Math.max(0, ...channels.map((c) => result.sendsPerDay[c]?.length ?? 0));
  const rows: (string | number)[][] = [['date', ...channels]];
  for (let d = 0; d < days; d++) {
    rows.push([
      formatDay(result.start + d * DAY_MS),
      ...channels.map((c) => result.sendsPerDay[c]?.[d] ?? 0),
    ]);
  }
  return csv(rows);
}

/** The whole run as JSON: what ran (journey version, set, options) and the full result. */
export function runJson(run: SimulationRun): string {
  return `${JSON.stringify({ format: 'wayfinder.simulation-run', ...run }, null, 2)}\n`;
}

/** A file name part from a journey name: "Welcome series" → "welcome-series". */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'journey'
  );
}
