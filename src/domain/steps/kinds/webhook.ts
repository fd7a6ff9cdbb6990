import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, filled, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';

const configSchema = z.object({
  url: z.string(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Request body; `{{profile.id}}`, `{{profile.email}}`, `{{journey.id}}` are filled in at send time. */
  bodyTemplate: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type WebhookConfig = z.infer<typeof configSchema>;

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Calls an HTTP endpoint for each profile. */
export const webhookStep = defineStep(
  'webhook',
  configSchema,
)({
  category: 'action',
  label: 'Webhook',
  icon: 'webhook',
  defaultConfig: () => ({ url: '', method: 'POST', headers: [], bodyTemplate: '' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) =>
    filled(c.url)
      ? { id: 'step.webhook.summary', values: { method: c.method, host: host(c.url) } }
      : { id: 'step.webhook.summary.empty' },
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (!filled(c.url)) issues.push(required('url', 'Enter the URL to call.', 'url'));
    else if (!/^https?:\/\/[^\s/]+/.test(c.url)) {
      issues.push({
        severity: 'error',
        code: 'invalid-url',
        message: 'Enter a full http(s) URL.',
        params: {},
        field: 'url',
      });
    }
    c.headers.forEach((h, i) => {
      if (!filled(h.name))
        issues.push(
          required(`headers.${i}.name`, `Header ${i + 1} needs a name.`, 'header_name', i + 1),
        );
    });
    return issues;
  },
  ...messageTraits('webhook'),
});
