import type { Profile } from '../profiles/profile.ts';
import type { StepKind } from '../steps/step-kinds.ts';
import { messageTemplates } from './message-templates.ts';
import { parseTemplate, type ParseOutcome } from './parse-template.ts';
import { renderParsed, type RenderOutcome } from './render-template.ts';
import { smsParts } from './sms-encoding.ts';
import {
  readScopePath,
  templateScope,
  type JourneyValues,
  type TemplateScope,
  type TriggerEvent,
} from './template-variables.ts';

/** Each template field of a step, rendered for one customer. */
export type RenderedMessage = Record<string, RenderOutcome>;

/** Renders every template of a step against a scope; fields that fail carry their error. */
export function renderMessage(
  kind: StepKind,
  config: unknown,
  scope: TemplateScope,
): RenderedMessage {
  const rendered: RenderedMessage = {};
  for (const t of messageTemplates(kind, config)) {
    const parsed = parseTemplate(t.source);
    rendered[t.field] = parsed.ok
      ? renderParsed(parsed, scope)
      : { ok: false, error: parsed.error };
  }
  return rendered;
}

/**
 * Counts the SMS parts of one template for each customer, as billed. Renders once per distinct
 * set of values the template reads, so a 100,000-profile simulation renders a few hundred
 * times, not 100,000. A template that cannot be read or rendered counts the parts of its source
 * text (the validator reports the error; compiling refuses it).
 */
export function smsPartCounter(
  source: string,
  journey: JourneyValues,
): (profile: Profile, event: TriggerEvent | undefined) => number {
  const parsed: ParseOutcome = parseTemplate(source);
  const fallback = Math.max(1, smsParts(source).parts);
  if (!parsed.ok) return () => fallback;
  const paths = [...new Set(parsed.references.map((r) => r.path))];
  if (paths.length === 0) {
    const outcome = renderParsed(
      parsed,
      templateScope(
        { id: '', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
        undefined,
        journey,
      ),
    );
    const parts = outcome.ok ? smsParts(outcome.text).parts : fallback;
    return () => parts;
  }
  const cache = new Map<string, number>();
  let limited = false;
  return (profile, event) => {
    const scope = templateScope(profile, event, journey);
    const key = JSON.stringify(paths.map((p) => readScopePath(scope, p) ?? null));
    let parts = cache.get(key);
    if (parts === undefined) {
      const outcome = limited ? undefined : renderParsed(parsed, scope);
      // A template stopped by a limit would spend the whole budget again for every customer.
      if (outcome !== undefined && !outcome.ok && outcome.error.code !== undefined) limited = true;
      parts = outcome?.ok === true ? smsParts(outcome.text).parts : fallback;
      if (cache.size < 10_000) cache.set(key, parts);
    }
    return parts;
  };
}
