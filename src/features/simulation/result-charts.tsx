import { useEffect, useState } from 'react';
import { CHANNEL_LABELS, type SimulationResult } from '../../domain/index.ts';
import { SeriesChart } from '../../ui/charts/series-chart.tsx';
import { activeChannels } from './active-channels.ts';
import { formatDay } from './format.ts';

const DAY_MS = 86_400_000;
/** Beyond this many days the chart sums weeks: hundreds of points cost a long task to draw. */
const MAX_DAILY_POINTS = 92;

/**
 * False on the first render, true one task later: a chart then mounts in its own task instead
 * of lengthening the one that draws the rest of the result.
 */
function useAfterPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return ready;
}

function sumPerWeek(values: readonly number[], days: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const w = Math.floor(d / 7);
    out[w] = (out[w] ?? 0) + (values[d] ?? 0);
  }
  return out;
}

/** Sends per simulated day (per week over long periods), one stacked series per channel. */
export function SendsPerDayChart({ result }: { result: SimulationResult }) {
  const ready = useAfterPaint();
  const channels = activeChannels(result).filter(([, c]) => c.sent > 0);
  if (channels.length === 0) return null;
  const days = Math.max(...channels.map(([ch]) => result.sendsPerDay[ch]?.length ?? 0));
  const weekly = days > MAX_DAILY_POINTS;
  const step = weekly ? 7 : 1;
  const points = Math.ceil(days / step);
  const categories = Array.from({ length: points }, (_, i) =>
    formatDay(result.start + i * step * DAY_MS),
  );
  const title = weekly ? 'Sends per week' : 'Sends per day';
  if (!ready) return <div className="sim-chart-placeholder" aria-hidden="true" />;
  return (
    <SeriesChart
      title={title}
      {...(weekly
        ? {
            description: `${days} simulated days, summed per week from the date shown. The sends-per-day CSV has every day.`,
          }
        : {})}
      categoryLabel={weekly ? 'Week from' : 'Day'}
      categories={categories}
      kind={weekly ? 'area' : 'stacked-bar'}
      series={channels.map(([channel]) => {
        const daily = result.sendsPerDay[channel] ?? [];
        return {
          key: channel,
          label: CHANNEL_LABELS[channel],
          values: weekly ? sumPerWeek(daily, days) : daily,
        };
      })}
    />
  );
}

/** How many messages each profile that entered received. */
export function MessagesPerProfileChart({ result }: { result: SimulationResult }) {
  const ready = useAfterPaint();
  const all = result.messagesPerProfile;
  let last = all.length - 1;
  while (last > 0 && all[last] === 0) last--;
  if (last < 0) return null;
  const buckets = all.slice(0, last + 1);
  // The stored last bucket counts "that many or more"; a trimmed one is exact.
  const open = last === all.length - 1 && last > 0;
  const categories = buckets.map((_, n) => (open && n === last ? `${n}+` : String(n)));
  if (!ready) return <div className="sim-chart-placeholder" aria-hidden="true" />;
  return (
    <SeriesChart
      title="Messages per profile"
      description="Profiles that entered, by the number of messages they received."
      categoryLabel="Messages"
      categories={categories}
      kind="bar"
      series={[{ key: 'profiles', label: 'Profiles', values: buckets }]}
    />
  );
}
