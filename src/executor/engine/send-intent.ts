import {
  isStepKind,
  renderMessage,
  templateScope,
  triggerEventNames,
  triggeringEvent,
  type Channel,
  type Profile,
  type Spec,
  type SpecStep,
} from '../../domain/index.ts';

/** A message the engine decided to send: written to the outbox in the step's transaction. */
export interface SendIntent {
  /** `${runId}:${stepId}:${attempt}`: the same send always has the same key, so no crash doubles it. */
  key: string;
  runId: string;
  journeyId: string;
  version: number;
  profileId: string;
  stepId: string;
  kind: string;
  channel: Channel;
  at: number;
  /** The step's content with its templates rendered for the customer (spec §5.5). */
  content: Record<string, unknown>;
  /**
   * Why the engine refused it at once (written to the outbox failed with this reason, never
   * handed to a provider), or null. A template that cannot be rendered is refused later, by the
   * delivery workflow, from `content.renderErrors`.
   */
  refused: string | null;
}

/** How a send ends when its journey was stopped before it was delivered (spec §3.5). */
export const STOPPED_SEND_ERROR = 'journey stopped';

/**
 * Why a send ends `unknown`: its journey was stopped while its provider call was in flight, and
 * that call never answered (its process died, or its claim lease ran out), so it is not sent again.
 */
export const STOPPED_IN_FLIGHT_ERROR = 'journey stopped while at the provider: it may have it';

/**
 * The step's content as the customer receives it: every template field of the kind rendered with
 * the same Liquid engine, variables and missing-value rule as the simulator and the app's preview
 * (spec §5.5) — the profile, the event that started the run and the journey's values. Other
 * fields are copied. A field that fails to render is named in `renderErrors` (with its limit's
 * code when a limit stopped it), and the send is then refused, never delivered (spec §5.5; the
 * delivery workflow). Publishing refuses templates with syntax errors, so this is a last resort.
 */
export function renderContent(
  spec: Spec,
  stepId: string,
  profile: Profile,
  at: number,
  /** Fields known to run past a render limit for anyone, with their error: not rendered again. */
  overBudget?: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const step = spec.steps[stepId] as SpecStep;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    if (key === 'next' || key === 'behaviourOverride') continue;
    out[key] = value;
  }
  if (overBudget !== undefined) {
    out.renderErrors = { ...overBudget };
    return out;
  }
  if (!isStepKind(step.kind)) return out;
  const event = triggeringEvent(profile, triggerEventNames(spec), at);
  const scope = templateScope(profile, event, {
    id: spec.journey.id,
    name: spec.journey.name,
    unsubscribeUrl: unsubscribeUrl(spec.journey.id, profile.id),
  });
  const renderErrors: Record<string, string> = {};
  for (const [field, outcome] of Object.entries(renderMessage(step.kind, step, scope))) {
    if (outcome.ok) out[field] = outcome.text;
    else
      renderErrors[field] =
        outcome.error.code === undefined
          ? outcome.error.message
          : `${outcome.error.code}: ${outcome.error.message}`;
  }
  if (Object.keys(renderErrors).length > 0) out.renderErrors = renderErrors;
  return out;
}

/** A per-customer unsubscribe link; a deployment puts its own preference centre here. */
function unsubscribeUrl(journeyId: string, profileId: string): string {
  return `https://unsubscribe.invalid/${encodeURIComponent(journeyId)}/${encodeURIComponent(profileId)}`;
}
