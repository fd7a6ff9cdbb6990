import { memo, useMemo } from 'react';
import { defineMessages, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { SimulationResult } from '../../domain/index.ts';
import { CHANNEL_MESSAGES } from '../../i18n/domain-labels.ts';
import { SeriesChart, type SeriesChartProps } from '../../ui/charts/series-chart.tsx';
import { activeChannels } from './active-channels.ts';
import { formatDay } from './format.ts';

const CHART_TEXT = defineMessages({
  day: { id: 'sim.charts.day' },
  dayAxis: { id: 'sim.charts.dayAxis' },
  messages: { id: 'sim.charts.messages' },
  messagesAxis: { id: 'sim.charts.messagesAxis' },
  messagesPerProfile: { id: 'sim.charts.messagesPerProfile' },
  messagesPerProfileHelp: { id: 'sim.charts.messagesPerProfileHelp' },
  partialWeek: { id: 'sim.charts.partialWeek' },
  profiles: { id: 'sim.charts.profiles' },
  profilesAxis: { id: 'sim.charts.profilesAxis' },
  sendsPerDay: { id: 'sim.charts.sendsPerDay' },
  sendsPerWeek: { id: 'sim.charts.sendsPerWeek' },
  sentPerDay: { id: 'sim.charts.sentPerDay' },
  sentPerWeek: { id: 'sim.charts.sentPerWeek' },
  weekAxis: { id: 'sim.charts.weekAxis' },
  weekFrom: { id: 'sim.charts.weekFrom' },
  weekly: { id: 'sim.charts.weekly' },
  weeklyPartial: { id: 'sim.charts.weeklyPartial' },
});
type ChartText = keyof typeof CHART_TEXT;

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
function sendsPerDay(result: SimulationResult, intl: IntlShape): SeriesChartProps | null {
  const say = (text: ChartText, values?: Record<string, number>) =>
    intl.formatMessage(CHART_TEXT[text] as MessageDescriptor, values);
  const channels = activeChannels(result).filter(([, c]) => c.sent > 0);
  if (channels.length === 0) return null;
  const days = Math.max(...channels.map(([ch]) => result.sendsPerDay[ch]?.length ?? 0));
  const weekly = days > MAX_DAILY_POINTS;
  const step = weekly ? 7 : 1;
  const points = Math.ceil(days / step);
  // A final week shorter than 7 days would read as a collapse in sends: it is marked as partial.
  const lastWeekDays = days - (points - 1) * 7;
  const partial =
    weekly && lastWeekDays < 7
      ? [{ index: points - 1, note: say('partialWeek', { days: lastWeekDays }) }]
      : [];
  return {
    title: say(weekly ? 'sendsPerWeek' : 'sendsPerDay'),
    ...(weekly
      ? {
          description: say(partial.length > 0 ? 'weeklyPartial' : 'weekly', { days, lastWeekDays }),
        }
      : {}),
    partial,
    xAxisLabel: say(weekly ? 'weekAxis' : 'dayAxis'),
    yAxisLabel: say(weekly ? 'sentPerWeek' : 'sentPerDay'),
    categoryLabel: say(weekly ? 'weekFrom' : 'day'),
    categories: Array.from({ length: points }, (_, i) =>
      formatDay(result.start + i * step * DAY_MS),
    ),
    kind: weekly ? 'area' : 'stacked-bar',
    series: channels.map(([channel]) => {
      const daily = result.sendsPerDay[channel] ?? [];
      return {
        key: channel,
        label: intl.formatMessage(CHANNEL_MESSAGES[channel]),
        values: weekly ? sumPerWeek(daily, days) : daily,
      };
    }),
  };
}

/** How many messages each profile that entered received. */
function messagesPerProfile(result: SimulationResult, intl: IntlShape): SeriesChartProps | null {
  const say = (text: ChartText) => intl.formatMessage(CHART_TEXT[text]);
  const all = result.messagesPerProfile;
  let last = all.length - 1;
  while (last > 0 && all[last] === 0) last--;
  if (last < 0) return null;
  const buckets = all.slice(0, last + 1);
  // The stored last bucket counts "that many or more"; a trimmed one is exact.
  const open = last === all.length - 1 && last > 0;
  return {
    title: say('messagesPerProfile'),
    description: say('messagesPerProfileHelp'),
    categoryLabel: say('messages'),
    xAxisLabel: say('messagesAxis'),
    yAxisLabel: say('profilesAxis'),
    categories: buckets.map((_, n) => (open && n === last ? `${n}+` : String(n))),
    kind: 'bar',
    series: [{ key: 'profiles', label: say('profiles'), values: buckets }],
  };
}

const CHARTS = [sendsPerDay, messagesPerProfile];

/** The run's charts: sends per day (or week) per channel, and messages per profile. */
export const ResultCharts = memo(function ResultCharts({ result }: { result: SimulationResult }) {
  const intl = useIntl();
  const charts = useMemo(() => CHARTS.map((chart) => chart(result, intl)), [result, intl]);
  return (
    <div className="sim-charts">
      {charts.map((props, i) => (props === null ? null : <SeriesChart key={i} {...props} />))}
    </div>
  );
});
