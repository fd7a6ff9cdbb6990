import { z } from 'zod';
import type { Channel } from '../channels.ts';
import type { Coded } from '../validate/diagnostic.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { StepCategory, StepKind } from './step-kinds.ts';
import type { StepPhrase } from './step-phrase.ts';
import type { SpecStepBase, StepSimulation } from './step-simulation.ts';

/** A condition a step uses to pick people, with its name for display ("Yes path", "Enters"). */
export interface StepAudience {
  text: StepPhrase;
  condition: ConditionGroup;
}

/**
 * One outgoing path of a step: `key` is stored in connections; `text` is what the canvas shows,
 * in the user's language; `label` is its English name for traces, the CLI and diagnostics.
 */
export interface Branch {
  key: string;
  label: string;
  text: StepPhrase;
}

/**
 * A problem a step definition finds in a config that already passed its schema: a registered
 * code (`split-percentages`, `message-without-content`, `required-field`…) with its parameters,
 * an English message, and the config path it is about (`subject`, `variants.1.percent`).
 */
export type StepIssue = Coded<{
  severity: 'error' | 'warning';
  message: string;
  field?: string;
}>;

/**
 * Everything the app knows about one step kind. The canvas, the inspector, the validator, the
 * compiler and the simulator all read this; nothing about a kind lives anywhere else in the domain.
 */
export interface StepDefinition<C = unknown> {
  kind: StepKind;
  category: StepCategory;
  /**
   * English name, e.g. "Email", for the CLI and the spec; the app shows `step.<kind>.label` and
   * `step.<kind>.description` from its catalogues.
   */
  label: string;
  /** An icon name (lucide naming), e.g. `mail`, `clock`. */
  icon: string;
  configSchema: z.ZodType<C>;
  /** The schema of this kind's step in a compiled spec (id, kind, label, body, next). */
  specStepSchema: z.ZodObject;
  defaultConfig(): C;
  /**
   * Outgoing paths, in display order; empty for `exit`. The one place a kind's branches are
   * defined: the editor, validator, compiler and simulator all read them here (a compiled step
   * carries its config, so the simulator passes the spec step itself).
   */
  branches(config: C): Branch[];
  /**
   * The node face's line as a phrase, e.g. `step.delay.summary` with `{ duration }` ("Wait 2
   * days"), `step.email.summary` with `{ subject }` ("Email · Welcome aboard").
   */
  summary(config: C): StepPhrase;
  /** Checks beyond the schema (sums, required content). */
  validate(config: C): StepIssue[];
  /** The spec body for this step: normalised config plus derived fields such as `durationMs`. */
  compile(config: C): Record<string, unknown>;
  /** True when a profile always spends time here, so a loop through this step cannot spin. */
  waits: boolean;
  /** How the simulator runs this kind, from its compiled step. */
  simulation: StepSimulation<C & SpecStepBase>;
  /**
   * The least time in ms a profile always spends here, when the kind can say (a delay's
   * duration); the validator warns about loops whose waits add up to less than an hour.
   */
  minimumWaitMs?(config: C): number;
  /** The channel an action sends on. */
  channel?(config: C): Channel;
  /** Events this step makes happen (engagement, survey answers). */
  producesEvents?(config: C): string[];
  /** Events this step waits for. */
  consumesEvents?(config: C): string[];
  /** The audiences this step picks by condition, for a live count of matching profiles. */
  audiences?(config: C): StepAudience[];
  /**
   * The config with the ids of other steps it names (the message a wait watches) passed
   * through `rename`, for when steps get new ids; kinds that name no step leave it out. It takes
   * the config as stored, which may not pass {@link configSchema} yet (an import being fixed): it
   * changes only the ids it finds and keeps every other value as it was.
   */
  renameStepReferences?(config: unknown, rename: (stepId: string) => string): unknown;
}

type SpecStepShape<K extends StepKind, S extends z.ZodRawShape> = {
  id: z.ZodString;
  kind: z.ZodLiteral<K>;
  label: z.ZodString;
  next: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
} & S;

/** A step definition that keeps its kind, config schema and spec schema types, for the typed spec union. */
export interface TypedStepDefinition<
  K extends StepKind,
  O extends z.ZodObject,
  S extends z.ZodRawShape,
> extends Omit<
  StepDefinition<z.output<O>>,
  'configSchema' | 'specStepSchema' | 'kind' | 'simulation'
> {
  kind: K;
  configSchema: O;
  specStepSchema: z.ZodObject<SpecStepShape<K, S>>;
  simulation: StepSimulation<z.output<z.ZodObject<SpecStepShape<K, S>>>>;
}

/** A compiled step of a kind whose config is `C` and whose derived spec fields are `X`. */
type SpecBody<C, X extends z.ZodRawShape> = C & { [P in keyof X]: z.output<X[P]> } & SpecStepBase;

type DefinitionInput<C, X extends z.ZodRawShape> = Omit<
  StepDefinition<C>,
  'kind' | 'configSchema' | 'specStepSchema' | 'validate' | 'compile' | 'waits' | 'simulation'
> & {
  simulation: StepSimulation<NoInfer<SpecBody<C, X>>>;
  validate?(config: C): StepIssue[];
  /** Extra spec fields beyond the config, and how to compute them. */
  derived?: { shape: X; compute(config: C): { [P in keyof X]: z.output<X[P]> } };
  waits?: boolean;
};

/** The "next" branch of steps with a single way out; every kind shares its name. */
export const NEXT_BRANCH: readonly Branch[] = [
  { key: 'next', label: 'Next', text: { id: 'step.branch.next' } },
];

/**
 * Builds a definition in two calls so the config type is fixed before the callbacks are typed:
 * `defineStep('delay', schema)({ ... })`. The spec schema is the config schema plus id, kind,
 * label, next and any derived fields.
 */
export function defineStep<K extends StepKind, O extends z.ZodObject>(kind: K, configSchema: O) {
  return <X extends z.ZodRawShape = Record<never, never>>(
    input: DefinitionInput<z.output<O>, X>,
  ): TypedStepDefinition<K, O, O['shape'] & X> => {
    const { derived, validate, ...rest } = input;
    const specStepSchema = z.object({
      id: z.string(),
      kind: z.literal(kind),
      label: z.string(),
      ...(configSchema.shape as O['shape']),
      ...((derived?.shape ?? {}) as X),
      next: z.record(z.string(), z.string().nullable()),
    });
    return {
      ...rest,
      kind,
      configSchema,
      waits: input.waits ?? false,
      validate: validate ?? (() => []),
      compile: (config) =>
        derived === undefined ? { ...config } : { ...config, ...derived.compute(config) },
      specStepSchema: specStepSchema as unknown as z.ZodObject<SpecStepShape<K, O['shape'] & X>>,
      simulation: input.simulation as unknown as StepSimulation<
        z.output<z.ZodObject<SpecStepShape<K, O['shape'] & X>>>
      >,
    };
  };
}
