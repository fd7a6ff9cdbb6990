import { callCentreTaskStep } from './kinds/call-centre-task.ts';
import { dateAttributeTrigger } from './kinds/date-attribute.ts';
import { delayStep } from './kinds/delay.ts';
import { directMailStep } from './kinds/direct-mail.ts';
import { emailStep } from './kinds/email.ts';
import { eventTrigger } from './kinds/event.ts';
import { exitStep } from './kinds/exit.ts';
import { ifElseStep } from './kinds/if-else.ts';
import { inAppStep } from './kinds/in-app.ts';
import { multiSplitStep } from './kinds/multi-split.ts';
import { npsSurveyStep } from './kinds/nps-survey.ts';
import { pushStep } from './kinds/push.ts';
import { randomSplitStep } from './kinds/random-split.ts';
import { scheduledAudienceTrigger } from './kinds/scheduled-audience.ts';
import { segmentEntryTrigger } from './kinds/segment-entry.ts';
import { smsStep } from './kinds/sms.ts';
import { timeWindowStep } from './kinds/time-window.ts';
import { updateProfileStep } from './kinds/update-profile.ts';
import { waitForEventStep } from './kinds/wait-for-event.ts';
import { waitUntilStep } from './kinds/wait-until.ts';
import { webhookStep } from './kinds/webhook.ts';
import type { StepDefinition } from './step-definition.ts';
import { STEP_KINDS, isStepKind, type StepCategory, type StepKind } from './step-kinds.ts';

/** Every step definition by kind, each keeping its own config type. */
export const STEP_DEFINITIONS = {
  event: eventTrigger,
  segment_entry: segmentEntryTrigger,
  date_attribute: dateAttributeTrigger,
  scheduled_audience: scheduledAudienceTrigger,
  if_else: ifElseStep,
  multi_split: multiSplitStep,
  random_split: randomSplitStep,
  wait_for_event: waitForEventStep,
  delay: delayStep,
  wait_until: waitUntilStep,
  time_window: timeWindowStep,
  email: emailStep,
  sms: smsStep,
  push: pushStep,
  in_app: inAppStep,
  webhook: webhookStep,
  call_centre_task: callCentreTaskStep,
  direct_mail: directMailStep,
  nps_survey: npsSurveyStep,
  update_profile: updateProfileStep,
  exit: exitStep,
} as const satisfies { [K in StepKind]: StepDefinition<unknown> & { kind: K } };

/** The config type of a kind, e.g. `StepConfig<'email'>`. */
export type StepConfig<K extends StepKind> = ReturnType<
  (typeof STEP_DEFINITIONS)[K]['defaultConfig']
>;

/** A definition whose config type is not known statically; parse configs with its `configSchema`. */
export type AnyStepDefinition = StepDefinition<unknown>;

/** The definition of a kind, or `undefined` for an unknown kind (e.g. from a newer file). */
export function getStepDefinition(kind: string): AnyStepDefinition | undefined {
  return isStepKind(kind) ? (STEP_DEFINITIONS[kind] as AnyStepDefinition) : undefined;
}

/** Definitions in palette order. */
export const STEP_DEFINITION_LIST: readonly AnyStepDefinition[] = STEP_KINDS.map(
  (kind) => STEP_DEFINITIONS[kind] as AnyStepDefinition,
);

/** Definitions of one category in palette order. */
export function stepDefinitionsIn(category: StepCategory): AnyStepDefinition[] {
  return STEP_DEFINITION_LIST.filter((d) => d.category === category);
}

/** Whether a kind is a trigger (a way into the journey). */
export function isTriggerKind(kind: string): boolean {
  return getStepDefinition(kind)?.category === 'trigger';
}
