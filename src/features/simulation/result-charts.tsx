import { memo, useMemo } from 'react';
import { defineMessages, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { SimulationResult } from '../../domain/index.ts';
import { CHANNEL_MESSAGES } from '../../i18n/domain-labels.ts';
import { SeriesChart, type SeriesChartProps } from '../../ui/charts/series-chart.tsx';
import { activeChannels } from './active-channels.ts';
import { sendPeriods, sumPerPeriod } from './send-periods.ts';

const CHART_TEXT = defineMessages({
  day: { id: 'sim.charts.day' },
  dayAxis: { id: 'sim.charts.dayAxis' },
  messages: { id: 'sim.charts.messages' },
  messagesAxis: { id: 'sim.charts.messagesAxis' },
  messagesPerProfile: { id: 'sim.charts.messagesPerProfile' },
  messagesPerProfileHelp: { id: 'sim.charts.messagesPerProfileHelp' },
  month: { id: 'sim.charts.month' },
  monthAxis: { id: 'sim.charts.monthAxis' },
  monthly: { id: 'sim.charts.monthly' },
  monthlyPartial: { id: 'sim.charts.monthlyPartial' },
  partialMonth: { id: 'sim.charts.partialMonth' },
  partialWeek: { id: 'sim.charts.partialWeek' },
  profiles: { id: 'sim.charts.profiles' },
  profilesAxis: { id: 'sim.charts.profilesAxis' },
  sendsPerDay: { id: 'sim.charts.sendsPerDay' },
  sendsPerMonth: { id: 'sim.charts.sendsPerMonth' },
  sendsPerWeek: { id: 'sim.charts.sendsPerWeek' },
  sentPerDay: { id: 'sim.charts.sentPerDay' },
  sentPerMonth: { id: 'sim.charts.sentPerMonth' },
  sentPerWeek: { id: 'sim.charts.sentPerWeek' },
  weekAxis: { id: 'sim.charts.weekAxis' },
  weekFrom: { id: 'sim.charts.weekFrom' },
  weekly: { id: 'sim.charts.weekly' },
  weeklyPartial: { id: 'sim.charts.weeklyPartial' },
});
type ChartText = keyof typeof CHART_TEXT;

/** Sends per simulated day (per week or month over long periods), one stacked series per channel. */
function sendsPerDay(result: SimulationResult, intl: IntlShape): SeriesChartProps | null {
  const say = (text: ChartText, values?: Record<string, number>) =>
    intl.formatMessage(CHART_TEXT[text] as MessageDescriptor, values);
  const channels = activeChannels(result).filter(([, c]) => c.sent > 0);
  if (channels.length === 0) return null;
  const days = Math.max(...channels.map(([ch]) => result.sendsPerDay[ch]?.length ?? 0));
  const { unit, periods } = sendPeriods(result.start, days);
  // A week or month the run covers only in part would read as a collapse in sends: it is hatched.
  const partial = periods.flatMap((p, index) => {
    const covered = p.toDay - p.fromDay;
    if (covered === p.fullDays) return [];
    const note =
      unit === 'week'
        ? say('partialWeek', { days: covered })
        : say('partialMonth', { days: covered, monthDays: p.fullDays });
    return [{ index, note }];
  });
  const lastWeekDays = days - (periods.length - 1) * 7;
  const words = {
    day: {
      title: say('sendsPerDay'),
      xAxisLabel: say('dayAxis'),
      yAxisLabel: say('sentPerDay'),
      categoryLabel: say('day'),
    },
    week: {
      title: say('sendsPerWeek'),
      description: say(partial.length > 0 ? 'weeklyPartial' : 'weekly', { days, lastWeekDays }),
      xAxisLabel: say('weekAxis'),
      yAxisLabel: say('sentPerWeek'),
      categoryLabel: say('weekFrom'),
    },
    month: {
      title: say('sendsPerMonth'),
      description: say(partial.length > 0 ? 'monthlyPartial' : 'monthly', { days }),
      xAxisLabel: say('monthAxis'),
      yAxisLabel: say('sentPerMonth'),
      categoryLabel: say('month'),
    },
  }[unit];
  return {
    ...words,
    partial,
    categories: { unit, starts: periods.map((p) => p.start) },
    kind: unit === 'day' ? 'stacked-bar' : 'area',
    series: channels.map(([channel]) => {
      const daily = result.sendsPerDay[channel] ?? [];
      return {
        key: channel,
        label: intl.formatMessage(CHANNEL_MESSAGES[channel]),
        values: unit === 'day' ? daily : sumPerPeriod(daily, periods),
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

/** The run's charts: sends per day (or week, or month) per channel, and messages per profile. */
export const ResultCharts = memo(function ResultCharts({ result }: { result: SimulationResult }) {
  const intl = useIntl();
  const charts = useMemo(() => CHARTS.map((chart) => chart(result, intl)), [result, intl]);
  return (
    <div className="sim-charts">
      {charts.map((props, i) => (props === null ? null : <SeriesChart key={i} {...props} />))}
    </div>
  );
});
