/**
 * The single public entry of the domain: pure TypeScript that runs in Node, the browser and
 * workers. Import domain code from here only.
 */
export * from './channels.ts';
export * from './json/parse-json.ts';
export * from './profiles/profile.ts';

export * from './journey/journey-schema.ts';
export { journeyFileName, journeyToFileText } from './journey/journey-file.ts';
export * from './journey/settings-schema.ts';
export * from './journey/restore.ts';
export * from './journey/load-problem.ts';
export * from './journey/create-journey.ts';
export * from './journey/ids.ts';
export * from './journey/safe-step-ids.ts';
export { firstFreeName } from './journey/free-name.ts';
export * from './journey/graph.ts';
export * from './journey/limits.ts';
export { inspectValue, type ValueProblem } from './journey/inspect-value.ts';

export * from './conditions/condition-schema.ts';
export * from './conditions/property-filter.ts';
export * from './conditions/attribute-paths.ts';
export * from './conditions/reachability.ts';
export * from './conditions/compile-condition.ts';
export * from './conditions/describe-condition.ts';
export * from './conditions/condition-problems.ts';
export { DAY_MS } from './conditions/time.ts';

export * from './steps/step-kinds.ts';
export * from './steps/step-definition.ts';
export * from './steps/step-phrase.ts';
export * from './steps/registry.ts';
export * from './steps/step-branches.ts';
export * from './steps/journey-events.ts';
export {
  DURATION_UNITS,
  WEEKDAYS,
  behaviourOverrideSchema,
  durationMs,
  formatDuration,
  type BehaviourOverride,
  type Duration,
  type DurationUnit,
  type Weekday,
} from './steps/shared.ts';
export type { CallCentreTaskConfig } from './steps/kinds/call-centre-task.ts';
export type { DateAttributeConfig } from './steps/kinds/date-attribute.ts';
export type { DelayConfig } from './steps/kinds/delay.ts';
export type { DirectMailConfig } from './steps/kinds/direct-mail.ts';
export type { EmailConfig } from './steps/kinds/email.ts';
export type { EventTriggerConfig } from './steps/kinds/event.ts';
export type { ExitConfig } from './steps/kinds/exit.ts';
export type { IfElseConfig } from './steps/kinds/if-else.ts';
export type { InAppConfig } from './steps/kinds/in-app.ts';
export { ELSE_BRANCH, type MultiSplitConfig } from './steps/kinds/multi-split.ts';
export type { NpsSurveyConfig } from './steps/kinds/nps-survey.ts';
export type { PushConfig } from './steps/kinds/push.ts';
export type { RandomSplitConfig } from './steps/kinds/random-split.ts';
export type { ScheduledAudienceConfig } from './steps/kinds/scheduled-audience.ts';
export type { SegmentEntryConfig } from './steps/kinds/segment-entry.ts';
export type { SmsConfig } from './steps/kinds/sms.ts';
export type { TimeWindowConfig } from './steps/kinds/time-window.ts';
export type { ProfileOperation, UpdateProfileConfig } from './steps/kinds/update-profile.ts';
export type { WaitForEventConfig } from './steps/kinds/wait-for-event.ts';
export type { WaitUntilConfig } from './steps/kinds/wait-until.ts';
export type { WebhookConfig } from './steps/kinds/webhook.ts';

export * from './validate/diagnostic.ts';
export * from './validate/diagnostic-codes.ts';
export * from './validate/zod-problem.ts';
export { validate, type ValidateOptions } from './validate/validate.ts';
export * from './validate/can-connect.ts';

export * from './compile/spec-schema.ts';
export { compile, specToJson, type CompileOptions, type CompileResult } from './compile/compile.ts';
export { validateSpec } from './compile/validate-spec.ts';
export { specToDocument } from './compile/spec-to-document.ts';
export { MIN_LOOP_WAIT_MS } from './validate/cycle-rules.ts';
export { contentHash, stableJson } from './compile/spec-json.ts';

export { TEMPLATES, type JourneyTemplate } from './templates/templates.ts';
export { EXAMPLES_DATE, exampleFiles, type ExampleFile } from './templates/example-files.ts';
export { hash32, isInControlGroup, pickVariant } from './steps/sticky-draws.ts';

export * from './forecast/index.ts';

export { simulate, simulatePartition, PartitionRun } from './simulate/simulate.ts';
export { createSimulationPlan, type SimulationPlan } from './simulate/plan.ts';
export { mergeResults } from './simulate/merge.ts';
export {
  resolveSimulationWindow,
  undatedPeriod,
  withResolvedWindow,
  type SimulationWindow,
} from './simulate/window.ts';
export * from './simulate/options.ts';
export * from './simulate/result-schema.ts';
export { formatTime, type ProfileTrace, type TraceValue, type TraceWhy } from './simulate/trace.ts';
export * from './forecast/replications.ts';

export * from './templating/template-language.ts';
export {
  installTemplateEngine,
  loadTemplateEngine,
  templateEngine,
} from './templating/liquid-engine.ts';
export * from './templating/template-limits.ts';
export * from './templating/template-variables.ts';
export * from './templating/template-context.ts';
export * from './templating/message-templates.ts';
export * from './templating/parse-template.ts';
export * from './templating/render-template.ts';
export * from './templating/render-message.ts';
export * from './templating/template-checks.ts';
export * from './templating/missing-fields.ts';
export * from './templating/sms-encoding.ts';
export * from './templating/push-preview.ts';
export { closestName } from './templating/closest-name.ts';
export { triggerEventNames, triggeringEvent } from './simulate/sms-units.ts';
export * from './failure/failure-reason.ts';
