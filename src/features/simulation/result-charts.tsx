import { memo, useMemo } from 'react';
import { CHANNEL_LABELS, type SimulationResult } from '../../domain/index.ts';
import { SeriesChart, type SeriesChartProps } from '../../ui/charts/series-chart.tsx';
import { activeChannels } from './active-channels.ts';
import { formatDay } from './format.ts';

const DAY_MS = 86_400_000;
/** Beyond this many days the chart sums weeks: a bar per day would be too thin to read. */
const MAX_DAILY_POINTS = 92;

function sumPerWeek(values: readonly number[], days: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const w = Math.floor(d / 7);
    out[w] = (out[w] ?? 0) + (values[d] ?? 0);
  }
  return out;
}

/** Sends per simulated day (per week over long periods), one stacked series per channel. */
function sendsPerDay(result: SimulationResult): SeriesChartProps | null {
  const channels = activeChannels(result).filter(([, c]) => c.sent > 0);
  if (channels.length === 0) return null;
  const days = Math.max(...channels.map(([ch]) => result.sendsPerDay[ch]?.length ?? 0));
  const weekly = days > MAX_DAILY_POINTS;
  const step = weekly ? 7 : 1;
  const points = Math.ceil(days / step);
  // A final week shorter than 7 days would read as a collapse in sends: it is marked as partial.
  const lastWeekDays = days - (points - 1) * 7;
  const partial =
    weekly && lastWeekDays < 7 ? [{ index: points - 1, note: `${lastWeekDays} of 7 days` }] : [];
  return {
    title: weekly ? 'Sends per week' : 'Sends per day',
    ...(weekly
      ? {
          description: `${days} simulated days, summed per week from the date shown${partial.length > 0 ? `; the last week has only ${lastWeekDays} days (hatched)` : ''}. The sends-per-day CSV has every day.`,
        }
      : {}),
    partial,
    xAxisLabel: weekly ? 'Week starting (date, UTC)' : 'Day (date, UTC)',
    yAxisLabel: weekly ? 'Messages sent per week' : 'Messages sent per day',
    categoryLabel: weekly ? 'Week from' : 'Day',
    categories: Array.from({ length: points }, (_, i) =>
      formatDay(result.start + i * step * DAY_MS),
    ),
    kind: weekly ? 'area' : 'stacked-bar',
    series: channels.map(([channel]) => {
      const daily = result.sendsPerDay[channel] ?? [];
      return {
        key: channel,
        label: CHANNEL_LABELS[channel],
        values: weekly ? sumPerWeek(daily, days) : daily,
      };
    }),
  };
}

/** How many messages each profile that entered received. */
function messagesPerProfile(result: SimulationResult): SeriesChartProps | null {
  const all = result.messagesPerProfile;
  let last = all.length - 1;
  while (last > 0 && all[last] === 0) last--;
  if (last < 0) return null;
  const buckets = all.slice(0, last + 1);
  // The stored last bucket counts "that many or more"; a trimmed one is exact.
  const open = last === all.length - 1 && last > 0;
  return {
    title: 'Messages per profile',
    description: 'Profiles that entered, by the number of messages they received.',
    categoryLabel: 'Messages',
    xAxisLabel: 'Messages received (count per profile)',
    yAxisLabel: 'Profiles (count)',
    categories: buckets.map((_, n) => (open && n === last ? `${n}+` : String(n))),
    kind: 'bar',
    series: [{ key: 'profiles', label: 'Profiles', values: buckets }],
  };
}

const CHARTS = [sendsPerDay, messagesPerProfile];

/** The run's charts: sends per day (or week) per channel, and messages per profile. */
export const ResultCharts = memo(function ResultCharts({ result }: { result: SimulationResult }) {
  const charts = useMemo(() => CHARTS.map((chart) => chart(result)), [result]);
  return (
    <div className="sim-charts">
      {charts.map((props, i) => (props === null ? null : <SeriesChart key={i} {...props} />))}
    </div>
  );
});
