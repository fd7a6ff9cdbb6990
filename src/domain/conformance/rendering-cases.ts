import type { Profile } from '../profiles/profile.ts';
import { renderTemplate } from '../templating/render-template.ts';
import {
  templateScope,
  type JourneyValues,
  type TriggerEvent,
} from '../templating/template-variables.ts';

/**
 * One rendering case of the kit: a template, the customer, the event that started the run and
 * the journey's values, and the exact text every executor must produce.
 */
export interface RenderingCase {
  id: string;
  description: string;
  template: string;
  profile: Profile;
  event: TriggerEvent | null;
  journey: JourneyValues;
  expected: string;
}

const JOURNEY: JourneyValues = {
  id: 'welcome',
  name: 'Welcome series',
  unsubscribeUrl: 'https://u.example/welcome/p1',
};

const ANN: Profile = {
  id: 'p1',
  attributes: {
    name: 'Ann Lee',
    email: 'ann@example.com',
    plan: 'plus',
    birthday: '1990-04-12',
    consent: { email: true, sms: true },
    tags: ['vip', 'newsletter'],
    custom: { loyaltyPoints: 1250, tier: 'gold', optedIntoBeta: false },
  },
  events: [],
};

const NAMELESS: Profile = {
  id: 'p2',
  attributes: { consent: {}, tags: [], custom: {} },
  events: [],
};

const ORDER: TriggerEvent = {
  name: 'order_placed',
  props: { orderId: 'A-1042', amount: 59.9, items: 3 },
};

/** Hand-checked cases: each `expected` was worked out from the spec, not copied from output. */
export const RENDERING_CASES: readonly RenderingCase[] = [
  {
    id: 'profile-field',
    description: 'A profile field is printed as is.',
    template: 'Hi {{ profile.name }}!',
    profile: ANN,
    event: null,
    journey: JOURNEY,
    expected: 'Hi Ann Lee!',
  },
  {
    id: 'missing-field-renders-empty',
    description: 'A missing field prints nothing (no error, no placeholder).',
    template: 'Hi {{ profile.name }}!',
    profile: NAMELESS,
    event: null,
    journey: JOURNEY,
    expected: 'Hi !',
  },
  {
    id: 'default-filter',
    description: '`default` prints its fallback for a missing field, and the value otherwise.',
    template: '{{ profile.name | default: "there" }}/{{ profile.plan | default: "basic" }}',
    profile: NAMELESS,
    event: null,
    journey: JOURNEY,
    expected: 'there/basic',
  },
  {
    id: 'event-and-custom',
    description: 'Event properties and custom attributes, with number formatting as Liquid does.',
    template:
      'Order {{ event.orderId }}: {{ event.items }} items, {{ event.amount }} EUR. You have {{ profile.custom.loyaltyPoints }} points ({{ profile.custom.tier | upcase }}).',
    profile: ANN,
    event: ORDER,
    journey: JOURNEY,
    expected: 'Order A-1042: 3 items, 59.9 EUR. You have 1250 points (GOLD).',
  },
  {
    id: 'journey-values',
    description: 'The journey name and the per-customer unsubscribe link.',
    template: '{{ journey.name }} · Unsubscribe: {{ journey.unsubscribe_url }}',
    profile: ANN,
    event: null,
    journey: JOURNEY,
    expected: 'Welcome series · Unsubscribe: https://u.example/welcome/p1',
  },
  {
    id: 'conditions-and-lists',
    description: '`if` on a missing field is false; `for` over tags; `size` of a list.',
    template:
      '{% if profile.custom.optedIntoBeta %}beta{% else %}stable{% endif %}|{% for t in profile.tags %}#{{ t }}{% unless forloop.last %} {% endunless %}{% endfor %}|{{ profile.tags.size }}|{% if profile.phone %}phone{% else %}no phone{% endif %}',
    profile: ANN,
    event: null,
    journey: JOURNEY,
    expected: 'stable|#vip #newsletter|2|no phone',
  },
  {
    id: 'dates-in-utc',
    description: 'The date filter formats in UTC whatever the executor’s time zone.',
    template:
      '{{ profile.birthday | date: "%-d %B" }} / {{ "2024-03-31T23:30:00Z" | date: "%Y-%m-%d %H:%M" }}',
    profile: ANN,
    event: null,
    journey: JOURNEY,
    expected: '12 April / 2024-03-31 23:30',
  },
  {
    id: 'whitespace-control',
    description: 'Hyphens trim the whitespace beside a tag.',
    template: 'Hi\n{%- if profile.plan == "plus" %} Plus member{% endif -%}\n!',
    profile: ANN,
    event: null,
    journey: JOURNEY,
    expected: 'Hi Plus member!',
  },
];

/** Renders every case with the domain's engine: case id → text, or an error message. */
export function renderCases(cases: readonly RenderingCase[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cases) {
    const outcome = renderTemplate(
      c.template,
      templateScope(c.profile, c.event ?? undefined, c.journey),
    );
    out[c.id] = outcome.ok ? outcome.text : `error: ${outcome.error.message}`;
  }
  return out;
}

/** Differences between the expected texts and an executor's (`case id → text`). */
export function compareRenderings(
  cases: readonly RenderingCase[],
  actual: Readonly<Record<string, unknown>>,
): string[] {
  return cases.flatMap((c) => {
    const got = actual[c.id];
    if (got === c.expected) return [];
    return [`${c.id}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(got ?? null)}`];
  });
}
