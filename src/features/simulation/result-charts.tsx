import { CHANNEL_LABELS, type SimulationResult } from '../../domain/index.ts';
import { SeriesChart } from '../../ui/charts/series-chart.tsx';
import { activeChannels } from './active-channels.ts';
import { formatDay } from './format.ts';

const DAY_MS = 86_400_000;

/** Sends per simulated day, one stacked bar per channel. */
export function SendsPerDayChart({ result }: { result: SimulationResult }) {
  const channels = activeChannels(result).filter(([, c]) => c.sent > 0);
  if (channels.length === 0) return null;
  const days = Math.max(...channels.map(([ch]) => result.sendsPerDay[ch]?.length ?? 0));
  const categories = Array.from({ length: days }, (_, d) => formatDay(result.start + d * DAY_MS));
  return (
    <SeriesChart
      title="Sends per day"
      categoryLabel="Day"
      categories={categories}
      kind="stacked-bar"
      series={channels.map(([channel]) => ({
        key: channel,
        label: CHANNEL_LABELS[channel],
        values: result.sendsPerDay[channel] ?? [],
      }))}
    />
  );
}

/** How many messages each profile that entered received. */
export function MessagesPerProfileChart({ result }: { result: SimulationResult }) {
  const all = result.messagesPerProfile;
  let last = all.length - 1;
  while (last > 0 && all[last] === 0) last--;
  if (last < 0) return null;
  const buckets = all.slice(0, last + 1);
  // The stored last bucket counts "that many or more"; a trimmed one is exact.
  const open = last === all.length - 1 && last > 0;
  const categories = buckets.map((_, n) => (open && n === last ? `${n}+` : String(n)));
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
