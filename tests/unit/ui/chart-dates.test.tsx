// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoldoutCheck } from '../../../src/domain/forecast/clv-holdout.ts';
import { compile } from '../../../src/domain/compile/compile.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import type { VersionForecast } from '../../../src/domain/live/version-forecast.ts';
import { HoldoutCharts } from '../../../src/features/forecast/clv/holdout-charts.tsx';
import type { VariantView } from '../../../src/features/forecast/forecast-model.ts';
import { SendsChart } from '../../../src/features/forecast/sends-chart.tsx';
import { ForecastVsActual } from '../../../src/features/live/forecast-vs-actual.tsx';
import { ResultCharts } from '../../../src/features/simulation/result-charts.tsx';
import { sendPeriods, sumPerPeriod } from '../../../src/features/simulation/send-periods.ts';
import { setFormatLocale } from '../../../src/i18n/format-locale.ts';
import {
  calendarTickLabels,
  fullCalendarLabels,
} from '../../../src/ui/charts/calendar-categories.ts';
import { inFrench } from '../../support/in-french.tsx';
import { NOW, welcomeSeries } from '../simulation-ui/helpers.tsx';

const DAY = 86_400_000;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** The x axis's tick labels of a figure, once its lazily loaded plot is drawn. */
async function xTicks(figure: HTMLElement): Promise<string[]> {
  await waitFor(() => expect(figure.querySelector('.visx-axis-bottom')).not.toBeNull());
  const ticks = figure.querySelectorAll('.visx-axis-bottom .series-plot-tick');
  return [...ticks].map((t) => t.textContent ?? '');
}

async function tableRowHeads(figure: HTMLElement, show: string): Promise<string[]> {
  await userEvent.setup().click(within(figure).getByRole('button', { name: show }));
  const table = within(figure).getByRole('table');
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

const inEnglish = (ui: ReactNode): RenderResult => render(ui);

afterEach(() => setFormatLocale('en'));

// jsdom lays nothing out: a plot's box reports the width of a laptop's chart column, so the
// (lazily loaded) plot is drawn with its axis as in the browser.
beforeEach(() => {
  const measure = HTMLElement.prototype.getBoundingClientRect;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.classList.contains('series-plot')
      ? ({ width: 600, height: 220, top: 0, left: 0, right: 600, bottom: 220 } as DOMRect)
      : measure.call(this);
  });
  return () => vi.restoreAllMocks();
});

describe('calendar labels', () => {
  const starts = [Date.UTC(2025, 11, 25), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 8)];

  it('write a day whole in the table and short on the axis, the year where it changes', () => {
    expect(fullCalendarLabels({ unit: 'day', starts })).toEqual([
      'Dec 25, 2025',
      'Jan 1, 2026',
      'Jan 8, 2026',
    ]);
    expect([...calendarTickLabels({ unit: 'week', starts }, [0, 1, 2]).values()]).toEqual([
      'Dec 25, 2025',
      'Jan 1, 2026',
      'Jan 8',
    ]);
    setFormatLocale('fr');
    expect(fullCalendarLabels({ unit: 'day', starts })).toEqual([
      '25 déc. 2025',
      '1 janv. 2026',
      '8 janv. 2026',
    ]);
    expect([...calendarTickLabels({ unit: 'day', starts }, [1, 2]).values()]).toEqual([
      '1 janv. 2026',
      '8 janv.',
    ]);
  });

  it('write a month by its name and year', () => {
    const months = { unit: 'month' as const, starts: [Date.UTC(2026, 2, 1), Date.UTC(2026, 8, 1)] };
    expect(fullCalendarLabels(months)).toEqual(['March 2026', 'September 2026']);
    expect([...calendarTickLabels(months, [0, 1]).values()]).toEqual(['Mar 2026', 'Sep 2026']);
    setFormatLocale('fr');
    expect(fullCalendarLabels(months)).toEqual(['mars 2026', 'septembre 2026']);
    expect([...calendarTickLabels(months, [0, 1]).values()]).toEqual(['mars 2026', 'sept. 2026']);
  });
});

describe('sendPeriods', () => {
  it('sums days up to 92, weeks up to two years and calendar months beyond', () => {
    expect(sendPeriods(NOW, 92).unit).toBe('day');
    expect(sendPeriods(NOW, 93).unit).toBe('week');
    expect(sendPeriods(NOW, 731).unit).toBe('week');
    // From Jan 15, 2026 for 800 days: Jan 15–31 (17 days), 24 whole months, then Mar 1–24, 2028.
    const start = Date.UTC(2026, 0, 15);
    const { unit, periods } = sendPeriods(start, 800);
    expect(unit).toBe('month');
    expect(periods[0]).toEqual({
      start: Date.UTC(2026, 0, 1),
      fromDay: 0,
      toDay: 17,
      fullDays: 31,
    });
    expect(periods[1]).toEqual({
      start: Date.UTC(2026, 1, 1),
      fromDay: 17,
      toDay: 45,
      fullDays: 28,
    });
    expect(periods.at(-1)).toEqual({
      start: Date.UTC(2028, 2, 1),
      fromDay: 776,
      toDay: 800,
      fullDays: 31,
    });
    // Every day counted once, in order.
    const daily = Array.from({ length: 800 }, (_, d) => d + 1);
    expect(sumPerPeriod(daily, periods).reduce((a, b) => a + b, 0)).toBe((800 * 801) / 2);
    periods.forEach((p, i) => expect(p.fromDay).toBe(i === 0 ? 0 : periods[i - 1]?.toDay));
  });
});

/** A welcome series simulated for `days` from Jan 1, 2026, people signing up all along. */
function runOver(days: number) {
  const end = NOW + days * DAY;
  const profiles = generateProfiles({ count: 150, seed: 3, start: NOW - 30 * DAY, end });
  const { spec } = compile(welcomeSeries());
  if (!spec) throw new Error('no spec');
  return simulate(spec, profiles, { seed: 1, start: NOW, horizonDays: days });
}

describe('every chart writes its days in the reader’s language', () => {
  it('the simulation’s sends per day, in English and in French', async () => {
    const result = runOver(30);
    const english = inEnglish(<ResultCharts result={result} />);
    let figure = screen.getByRole('figure', { name: 'Sends per day' });
    const ticks = await xTicks(figure);
    expect(ticks[0]).toBe('Jan 1, 2026');
    expect(ticks.slice(1).every((t) => /^Jan \d+$/.test(t))).toBe(true);
    const rows = await tableRowHeads(figure, 'Show as table');
    expect(rows.slice(0, 2)).toEqual(['Jan 1, 2026', 'Jan 2, 2026']);
    expect(figure.textContent).not.toMatch(ISO_DAY);
    english.unmount();

    inFrench(<ResultCharts result={result} />);
    figure = screen.getByRole('figure', { name: 'Envois par jour' });
    expect((await xTicks(figure))[0]).toBe('1 janv. 2026');
    expect(await tableRowHeads(figure, 'Afficher le tableau')).toContain('2 janv. 2026');
    expect(figure.textContent).not.toMatch(ISO_DAY);
  });

  it('the simulation’s sends per month over a long run, partial months hatched', async () => {
    inFrench(<ResultCharts result={runOver(800)} />);
    const figure = screen.getByRole('figure', { name: 'Envois par mois' });
    expect((await xTicks(figure))[0]).toBe('janv. 2026');
    const rows = await tableRowHeads(figure, 'Afficher le tableau');
    expect(rows[0]).toBe('janvier 2026');
    // 800 days from Jan 1, 2026 end on Mar 10, 2028: that month is partial, hatched and noted.
    expect(rows.at(-1)).toMatch(/^mars 2028 .*10 jours sur 31/);
    expect(figure.textContent).not.toMatch(ISO_DAY);
  });

  it('the forecast’s sends per day', async () => {
    // Only what the chart reads of a variant's view: its name, start and daily band.
    const view = {
      name: 'A',
      start: Date.UTC(2026, 2, 14),
      band: [0, 1, 2].map((day) => ({ day, mean: 5, p10: 4, p50: 5, p90: 6 })),
    } as VariantView;
    const english = inEnglish(<SendsChart view={view} />);
    let figure = screen.getByRole('figure', { name: /A/ });
    expect((await xTicks(figure))[0]).toBe('Mar 14, 2026');
    expect(await tableRowHeads(figure, 'Show as table')).toEqual([
      'Mar 14, 2026',
      'Mar 15, 2026',
      'Mar 16, 2026',
    ]);
    english.unmount();
    inFrench(<SendsChart view={view} />);
    figure = screen.getByRole('figure', { name: /A/ });
    expect((await xTicks(figure))[0]).toBe('14 mars 2026');
  });

  it('the CLV tracking plot’s weeks', async () => {
    const check: HoldoutCheck = {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1997-10-14',
      holdoutWeeks: 2,
      customers: 10,
      actualHoldoutPurchases: 22,
      predictedHoldoutPurchases: 20,
      tracking: [
        { week: 0, from: '1997-09-24', days: 7, holdout: false, actual: 10, predicted: 11 },
        { week: 1, from: '1997-10-01', days: 7, holdout: true, actual: 12, predicted: 9 },
      ].map((w) => ({ ...w, cumulativeActual: w.actual, cumulativePredicted: w.predicted })),
      conditional: [{ x: 0, orMore: true, customers: 10, actual: 2.2, predicted: 2 }],
    };
    inFrench(<HoldoutCharts check={check} />);
    const figure = screen.getByRole('figure', { name: /réachats par semaine/ });
    expect(await xTicks(figure)).toEqual(['24 sept. 1997', '1 oct.']);
    expect(await tableRowHeads(figure, 'Afficher le tableau')).toEqual([
      '24 sept. 1997',
      '1 oct. 1997',
    ]);
  });

  it('the live page’s forecast against actual', async () => {
    const band = { p10: 1, p50: 2, p90: 3 };
    // Only what the chart reads of a forecast and of the counts: days, bands and their date.
    const forecast = {
      version: 1,
      profileSetName: 'Demo',
      profiles: 100,
      replications: 5,
      daily: ['2026-12-01', '2026-12-02'].map((day) => ({
        day,
        entries: band,
        sends: band,
        conversions: band,
      })),
    } as unknown as VersionForecast;
    inFrench(
      <ForecastVsActual
        forecast={forecast}
        counts={{ asOf: '2026-12-02T12:00:00.000Z', daily: [] } as never}
        publishedAt="2026-12-01T10:00:00.000Z"
      />,
    );
    const figures = screen.getAllByRole('figure');
    const figure = figures[0];
    if (figure === undefined) throw new Error('no chart');
    expect((await xTicks(figure))[0]).toBe('1 déc. 2026');
    for (const f of figures) expect(f.textContent).not.toMatch(ISO_DAY);
  });
});
