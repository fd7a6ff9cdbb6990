import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specSchema, type Profile } from '../../../src/domain/index.ts';
import { renderContent } from '../../../src/executor/engine/send-intent.ts';
import { versionPlan } from '../../../src/executor/engine/version-plan.ts';

const spec = specSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../examples/welcome-series.spec.json', import.meta.url), 'utf8'),
  ),
);

function customer(name: string | undefined): Profile {
  return {
    id: 'c-1',
    attributes: { ...(name === undefined ? {} : { name }), consent: {}, tags: [], custom: {} },
    events: [{ name: 'signed_up', at: Date.UTC(2026, 0, 1), props: {} }],
  };
}

describe("the executor's message content", () => {
  it('renders the step’s Liquid templates for the customer, as the preview does', () => {
    const content = renderContent(spec, 'welcome-email', customer('Ann'), Date.UTC(2026, 0, 2));
    expect(content.subject).toBe('Welcome to Northwind, Ann!');
    expect(content.renderErrors).toBeUndefined();
    expect(String(content.body)).not.toContain('{{');
  });

  it('uses the template’s default when the customer lacks the field', () => {
    const content = renderContent(spec, 'welcome-email', customer(undefined), Date.UTC(2026, 0, 2));
    expect(content.subject).toBe('Welcome to Northwind, friend!');
  });
});

describe('a version stored with a template that runs away for anyone', () => {
  const RUNAWAY =
    '{% assign r = (1..50) %}{% for a in r %}{% for b in r %}{% for c in r %}{% for d in r %}{% for e in r %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}';
  const runaway = specSchema.parse({
    ...spec,
    steps: {
      ...spec.steps,
      'welcome-email': { ...spec.steps['welcome-email'], body: `Hi ${RUNAWAY}` },
    },
  });

  const DOUBLING =
    '{% assign s = "x" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}';
  const tooLarge = specSchema.parse({
    ...spec,
    steps: {
      ...spec.steps,
      'welcome-email': { ...spec.steps['welcome-email'], body: `Hi ${DOUBLING}` },
    },
  });

  it('is found once, when the version is loaded, when too large, naming the step, the field and the limit', () => {
    const vp = versionPlan(tooLarge, 1, Date.UTC(2026, 0, 1));
    expect([...vp.overBudget.keys()]).toEqual(['welcome-email']);
    expect(vp.overBudget.get('welcome-email')).toEqual({
      body: expect.stringMatching(/^template-too-large: /),
    });
    expect(versionPlan(spec, 1, Date.UTC(2026, 0, 1)).overBudget.size).toBe(0);
  });

  it('is not refused at load for being slow: that verdict depends on how busy the process is', () => {
    // Each send is still stopped at the render budget (spec §5.5), in every process alike.
    expect(versionPlan(runaway, 1, Date.UTC(2026, 0, 1)).overBudget.size).toBe(0);
  });

  it('has its sends refused with that error without rendering them again', () => {
    const known = { body: 'template-too-slow: found when the version was loaded' };
    const content = renderContent(spec, 'welcome-email', customer('Ann'), 0, known);
    // The subject would render in no time: not rendered, the send is refused as a whole.
    expect(String(content.subject)).toContain('{{');
    expect(content.renderErrors).toEqual(known);
  });
});
