import { journeySettingsSchema } from '../journey/settings-schema.ts';
import type { Analysis } from './analysis.ts';
import { issueKeys, issuePath, zodProblem } from './zod-problem.ts';

/** Journey settings that do not fit the schema, and quiet hours that cover nothing. */
export function checkSettings(a: Analysis): void {
  const parsed = journeySettingsSchema.safeParse(a.doc.settings, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issuePath(issue);
      const field = path === '' ? 'settings' : `settings.${path}`;
      a.diagnostics.push({
        severity: 'error',
        code: 'invalid-settings',
        message: `${field}: ${issue.message}`,
        params: { field, ...zodProblem(issue) },
        field,
        fieldKeys: issueKeys(issue),
      });
    }
    return;
  }
  const quiet = parsed.data.quietHours;
  if (quiet.enabled && quiet.start === quiet.end) {
    a.diagnostics.push({
      severity: 'warning',
      code: 'empty-quiet-hours',
      message: 'Quiet hours start and end at the same time, so they never apply.',
      params: {},
      field: 'settings.quietHours.end',
      fieldKeys: ['quietHours', 'end'],
    });
  }
}
