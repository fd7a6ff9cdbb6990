import {
  delay,
  email,
  journeyOf,
  onEvent,
  ordersAtLeast,
  type LinkRow,
  type StepRow,
} from '../../../src/domain/conformance/case-builder.ts';
import { compile, type Spec } from '../../../src/domain/index.ts';

/** Compiles a document for publishing as `version`. */
export function specOf(document: Parameters<typeof compile>[0], version = 1): Spec {
  const { spec, diagnostics } = compile(document, { version });
  if (spec === null) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return spec;
}

const webhook = (url: string, step: string) => ({
  url,
  method: 'POST',
  headers: [{ name: 'X-Step', value: step }],
  bodyTemplate: `{"profile":"{{profile.name}}","step":"${step}"}`,
});

/** Sign-up → webhook → wait a day → webhook → email: two webhook sends and one log send per run. */
export function webhookJourney(hookUrl: string, version = 1): Spec {
  return specOf(
    journeyOf(
      'crash-journey',
      'Crash journey',
      [
        ['t', 'event', onEvent('signed_up')],
        ['w1', 'webhook', webhook(hookUrl, 'w1')],
        ['d', 'delay', delay(1, 'days')],
        ['w2', 'webhook', webhook(hookUrl, 'w2')],
        ['m', 'email', email('Hello {{profile.name}}')],
      ],
      [
        ['t', 'next', 'w1'],
        ['w1', 'next', 'd'],
        ['d', 'next', 'w2'],
        ['w2', 'next', 'm'],
      ],
    ),
    version,
  );
}

/** Customers who can be emailed, named `p-00001`…, signing up at `at` + i seconds. */
export function signUps(count: number, at: number, prefix = 'p') {
  const profiles = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i + 1).padStart(5, '0')}`,
    attributes: {
      name: `Customer ${i + 1}`,
      email: `c${i + 1}@example.com`,
      consent: { email: true },
      tags: [],
      custom: {},
    },
  }));
  const events = profiles.map((p, i) => ({
    id: `${p.id}:signed_up`,
    profileId: p.id,
    name: 'signed_up',
    at: at + i * 1000,
  }));
  return { profiles, events };
}

/** Sign-up → email → two days → email (journey `welcome`). */
export function twoEmailWelcome(version = 1) {
  return specOf(
    journeyOf(
      'welcome',
      'Welcome',
      [
        ['t', 'event', onEvent('signed_up')],
        ['m1', 'email', email('Hello {{ profile.name }}')],
        ['d', 'delay', delay(2, 'days')],
        ['m2', 'email', email('Still there?')],
      ],
      [
        ['t', 'next', 'm1'],
        ['m1', 'next', 'd'],
        ['d', 'next', 'm2'],
      ],
    ),
    version,
  );
}

/** Welcomes a customer, and asks whether they ordered within the last `withinDays` days (null: ever). */
export function loyaltyJourney(withinDays: number | null): Spec {
  return specOf(
    journeyOf(
      'loyalty',
      'Loyalty',
      [
        ['t', 'event', onEvent('signed_up')],
        ['c', 'if_else', { condition: ordersAtLeast(1, withinDays) }],
        ['m', 'email', email('Thanks for your order')],
      ],
      [
        ['t', 'next', 'c'],
        ['c', 'yes', 'm'],
      ],
    ),
  );
}

/**
 * A multi-split whose first paths are named and lead as `paths` says (path name → step id): names
 * chosen by the user that, in the step's `next`, look like an event count rule (`type` →
 * `event_count`) with a window (`withinDays` → `x`). Its real counts look back 30 days.
 */
export function splitWithPathsNamed(paths: Readonly<Record<string, string>>): Spec {
  const named = Object.entries(paths);
  return specOf(
    journeyOf(
      'odd-names',
      'Odd names',
      [
        ['t', 'event', onEvent('signed_up')],
        [
          's',
          'multi_split',
          {
            branches: [
              ...named.map(([key]) => ({ key, label: key, condition: ordersAtLeast(2, 30) })),
              { key: 'others', label: 'Others', condition: ordersAtLeast(1, 30) },
            ],
          },
        ],
        ...named.map(([, target]): StepRow => [target, 'email', email('Thanks')]),
      ],
      [['t', 'next', 's'], ...named.map(([key, target]): LinkRow => ['s', key, target])],
    ),
  );
}
