import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  channelsCsv,
  fileSlug,
  runJson,
  sendsPerDayCsv,
  stepsCsv,
} from '../../../src/features/simulation/export-run.ts';
import { simulationRunSchema } from '../../../src/storage/simulation-runs.ts';
import { runFor, welcomeSeries } from './helpers.tsx';

const parse = (text: string): string[][] => Papa.parse<string[]>(text.trim()).data;

describe('run exports', () => {
  const run = runFor(welcomeSeries());
  const { result } = run;

  it('writes one CSV row per step with entries, branches and exits', () => {
    const [header, ...rows] = parse(stepsCsv(result));
    expect(header?.slice(0, 4)).toEqual(['step_id', 'label', 'kind', 'entered']);
    expect(header).toContain('branch_yes');
    expect(rows).toHaveLength(Object.keys(result.steps).length);
    const col = (name: string): number => header?.indexOf(name) ?? -1;
    for (const row of rows) {
      const step = result.steps[row[0] ?? ''];
      expect(step).toBeDefined();
      expect(Number(row[col('entered')])).toBe(step?.entered);
      expect(Number(row[col('waiting')])).toBe(step?.waiting);
    }
  });

  it('writes a step label that looks like a formula as text, prefixed with a quote', () => {
    const [first] = Object.keys(result.steps);
    const hostile = structuredClone(result);
    const step = hostile.steps[first ?? ''];
    if (step) step.label = '=HYPERLINK("http://evil.example","Click")';
    const [header, ...rows] = parse(stepsCsv(hostile));
    const label = rows.find((r) => r[0] === first)?.[header?.indexOf('label') ?? -1];
    expect(label).toBe(`'=HYPERLINK("http://evil.example","Click")`);
  });

  it('writes the channel funnel with suppressions by cause and cost', () => {
    const [header, ...rows] = parse(channelsCsv(result));
    expect(header).toEqual([
      'channel',
      'sent',
      'delivered',
      'opened',
      'clicked',
      'unsubscribed',
      'suppressed_unreachable',
      'suppressed_unsubscribed',
      'suppressed_quiet_hours_deferred',
      'suppressed_quiet_hours_dropped',
      'suppressed_frequency_cap',
      'cost',
    ]);
    const email = rows.find((r) => r[0] === 'email');
    expect(Number(email?.[1])).toBe(result.channels.email.sent);
    expect(Number(email?.[6])).toBe(result.channels.email.suppressed.unreachable);
    expect(rows.find((r) => r[0] === 'webhook')).toBeUndefined();
  });

  it('writes sends per day with a UTC date per row', () => {
    const [header, ...rows] = parse(sendsPerDayCsv(result));
    expect(header?.[0]).toBe('date');
    expect(header).toContain('email');
    expect(rows[0]?.[0]).toBe(new Date(result.start).toISOString().slice(0, 10));
    const emailCol = header?.indexOf('email') ?? -1;
    const total = rows.reduce((sum, r) => sum + Number(r[emailCol]), 0);
    expect(total).toBe(result.channels.email.sent);
  });

  it('quotes labels with commas and writes JSON that reads back as a run', () => {
    const first = Object.keys(result.steps)[0] ?? '';
    const tricky = {
      ...result,
      steps: {
        ...result.steps,
        [first]: { ...(result.steps[first] as (typeof result.steps)[string]), label: 'Hi, "you"' },
      },
    };
    expect(stepsCsv(tricky)).toContain('"Hi, ""you"""');
    const back = JSON.parse(runJson(run)) as Record<string, unknown>;
    expect(back['format']).toBe('wayfinder.simulation-run');
    expect(simulationRunSchema.safeParse(back).success).toBe(true);
    expect(fileSlug('Welcome series!')).toBe('welcome-series');
  });
});
