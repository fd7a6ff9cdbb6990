import { dateFormat } from '../../i18n/format-locale.ts';

/**
 * A calendar day stored as `YYYY-MM-DD`, written in the app's language (Jun 30, 1998;
 * 30 juin 1998). Read at UTC, where the string puts it, so no time zone moves it a day.
 */
export function formatDay(isoDay: string): string {
  return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(isoDay));
}
