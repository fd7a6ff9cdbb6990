import { compile } from '../../../src/domain/compile/compile.ts';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import {
  email as buildEmail,
  journeyOf,
  type LinkRow,
  type StepRow,
} from '../../../src/domain/conformance/case-builder.ts';
import type { SimulationOptions } from '../../../src/domain/simulate/options.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';

export type { LinkRow, StepRow } from '../../../src/domain/conformance/case-builder.ts';
export {
  delay,
  ordersAtLeast,
  person,
  onEvent as event,
} from '../../../src/domain/conformance/case-builder.ts';

/** Compiles steps and links into a spec; fails the test on validation errors. */
export function specOf(
  steps: StepRow[],
  links: LinkRow[],
  settings: Record<string, unknown> = {},
  id = 'j1',
): Spec {
  const { spec, diagnostics } = compile(journeyOf(id, 'Test journey', steps, links, settings));
  if (spec === null)
    throw new Error(
      `journey does not compile: ${JSON.stringify(diagnostics.filter((d) => d.severity === 'error'))}`,
    );
  return spec;
}

/** Epoch ms of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso);

export const email = (subject = 'Hello'): Record<string, unknown> => buildEmail(subject);

/** Behaviour where every email is delivered and nothing else happens: exact, hand-checkable runs. */
export const QUIET_BEHAVIOUR: SimulationOptions['behaviour'] = {
  email: {
    deliveredRate: 1,
    openRate: 0,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0,
    deliveryDelayMinutes: 0,
  },
  sms: {
    deliveredRate: 1,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0,
    deliveryDelayMinutes: 0,
  },
  push: { deliveredRate: 1, openRate: 0, clickRate: 0, conversionRate: 0, deliveryDelayMinutes: 0 },
};

/** Checks `entered = sum(byBranch) + waiting + exited` at every step; returns the offending step ids. */
export function brokenCounts(result: SimulationResult): string[] {
  return Object.values(result.steps)
    .filter(
      (s) =>
        s.entered !== Object.values(s.byBranch).reduce((a, b) => a + b, 0) + s.waiting + s.exited,
    )
    .map((s) => s.stepId);
}
