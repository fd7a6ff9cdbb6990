import { dateFormat } from '../../i18n/format-locale.ts';

/** How long each category of a time axis is. */
export type CalendarUnit = 'day' | 'week' | 'month';

/**
 * Categories that are calendar periods, each given by its first day (epoch ms at UTC midnight).
 * The chart writes them in the reader's language: Mar 14, 2026 / 14 mars 2026.
 */
export interface CalendarCategories {
  unit: CalendarUnit;
  starts: readonly number[];
}

/** Whether a chart's categories are calendar periods rather than words of their own. */
export function isCalendar(
  categories: readonly string[] | CalendarCategories,
): categories is CalendarCategories {
  return !Array.isArray(categories);
}

// Days are kept at UTC (simulated days, the executor's dates): written at UTC, no zone moves them.
const FULL_DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
const FULL_MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
const SHORT_MONTH: Intl.DateTimeFormatOptions = {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
};

/** Each period written whole, for the table and the tooltip (Mar 14, 2026; March 2026). */
export function fullCalendarLabels({ unit, starts }: CalendarCategories): string[] {
  const format = dateFormat(unit === 'month' ? FULL_MONTH : FULL_DAY);
  return starts.map((ms) => format.format(ms));
}

/**
 * The x axis's labels at the shown indices, short enough to sit side by side: a day or week as
 * its day and month (Mar 14; 14 mars), with the year on the first label and wherever the year
 * changes since the label before; a month as its short name and year (Mar 2026; mars 2026).
 */
export function calendarTickLabels(
  { unit, starts }: CalendarCategories,
  shown: readonly number[],
): Map<number, string> {
  const labels = new Map<number, string>();
  if (unit === 'month') {
    const format = dateFormat(SHORT_MONTH);
    for (const i of shown) labels.set(i, format.format(starts[i] ?? 0));
    return labels;
  }
  const short = dateFormat(SHORT_DAY);
  const full = dateFormat(FULL_DAY);
  let lastYear: number | null = null;
  for (const i of shown) {
    const ms = starts[i] ?? 0;
    const year = new Date(ms).getUTCFullYear();
    labels.set(i, (year === lastYear ? short : full).format(ms));
    lastYear = year;
  }
  return labels;
}
