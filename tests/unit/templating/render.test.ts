import { version as liquidVersion } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/domain/templating/parse-template.ts';
import { renderMessage } from '../../../src/domain/templating/render-message.ts';
import { renderTemplate } from '../../../src/domain/templating/render-template.ts';
import { TEMPLATE_LANGUAGE } from '../../../src/domain/templating/template-language.ts';
import { templateScope } from '../../../src/domain/templating/template-variables.ts';
import { JOURNEY, profile } from './fixtures.ts';

const ann = profile('p1', {
  name: 'Ann',
  plan: 'plus',
  tags: ['vip', 'eu'],
  custom: { points: 120 },
});
const order = { name: 'order_placed', props: { amount: 42.5, orderId: 'A-7' } };

function render(source: string, p = ann, event: typeof order | null = order): string {
  const outcome = renderTemplate(source, templateScope(p, event ?? undefined, JOURNEY));
  if (!outcome.ok) throw new Error(`unexpected render error: ${outcome.error.message}`);
  return outcome.text;
}

describe('rendering', () => {
  it('fills profile fields, custom attributes, event properties and journey values', () => {
    expect(
      render(
        'Hi {{ profile.name }} ({{ profile.plan }}, {{ profile.custom.points }} points): order {{ event.orderId }} of {{ event.amount }} in {{ journey.name }}. {{ journey.unsubscribe_url }}',
      ),
    ).toBe(
      'Hi Ann (plus, 120 points): order A-7 of 42.5 in Welcome series. https://example.test/u/j1',
    );
  });

  it('renders a missing field as empty text, and default supplies a fallback', () => {
    const bob = profile('p2');
    expect(render('Hi {{ profile.name }}!', bob)).toBe('Hi !');
    expect(render('Hi {{ profile.name | default: "there" }}!', bob)).toBe('Hi there!');
    expect(render('{{ event.amount }}', bob, null)).toBe('');
  });

  it('runs tags and filters: if, for, upcase, date in UTC', () => {
    expect(render('{% if profile.plan == "plus" %}Plus{% else %}Basic{% endif %}')).toBe('Plus');
    expect(render('{% for t in profile.tags %}[{{ t | upcase }}]{% endfor %}')).toBe('[VIP][EU]');
    expect(render('{{ "2024-03-01T23:30:00Z" | date: "%d %b %Y %H:%M" }}')).toBe(
      '01 Mar 2024 23:30',
    );
  });

  it('does not reach through a value to its prototype', () => {
    expect(render('{{ profile.name.constructor }}{{ profile.__proto__ }}')).toBe('');
  });

  it('returns errors as data, never throws: syntax, unknown filter, partials, runaway loops', () => {
    const scope = templateScope(ann, order, JOURNEY);
    const broken = renderTemplate('Hi {{profile.nmae}} {% if %}', scope);
    expect(broken).toMatchObject({ ok: false, error: { line: 1, column: 26 } });
    expect(renderTemplate('line one\n{{ profile.name | upcse }}', scope)).toMatchObject({
      ok: false,
      error: { line: 2, message: expect.stringContaining('upcse') },
    });
    expect(renderTemplate('{% include "secrets" %}', scope)).toMatchObject({ ok: false });
    expect(
      renderTemplate('{% for i in (1..100000000) %}xxxxxxxx{% endfor %}', scope),
    ).toMatchObject({
      ok: false,
    });
  });

  it('lists the variables a template reads, with position, and whether they have a fallback', () => {
    const parsed = parseTemplate(
      'Hi {{ profile.name | default: "there" }}\n{% if profile.plan %}{{ profile.plan }}{% endif %}{{ event.amount }}{% assign x = 1 %}{{ x }}',
    );
    expect(parsed.ok && parsed.references).toEqual([
      { path: 'profile.name', line: 1, column: 7, printed: true, hasDefault: true },
      { path: 'profile.plan', line: 2, column: 7, printed: false, hasDefault: false },
      { path: 'profile.plan', line: 2, column: 25, printed: true, hasDefault: true },
      { path: 'event.amount', line: 2, column: 54, printed: true, hasDefault: false },
    ]);
  });

  it('renders every template field of a step', () => {
    const email = {
      subject: 'Hi {{ profile.name }}',
      preheader: '',
      body: '{% if',
      from: '',
      templateName: '',
    };
    const rendered = renderMessage('email', email, templateScope(ann, order, JOURNEY));
    expect(rendered['subject']).toEqual({ ok: true, text: 'Hi Ann' });
    expect(rendered['preheader']).toEqual({ ok: true, text: '' });
    expect(rendered['body']?.ok).toBe(false);
  });

  it('names the engine version it runs', () => {
    expect(TEMPLATE_LANGUAGE.engineVersion).toBe(liquidVersion);
  });
});
