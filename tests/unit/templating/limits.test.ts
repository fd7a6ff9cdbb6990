import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/domain/templating/parse-template.ts';
import { renderMessage, smsPartCounter } from '../../../src/domain/templating/render-message.ts';
import { renderTemplate } from '../../../src/domain/templating/render-template.ts';
import { templateScope } from '../../../src/domain/templating/template-variables.ts';
import { JOURNEY, profile } from './fixtures.ts';

/**
 * Hostile templates end with a coded error instead of holding a preview, a simulation or an
 * executor batch: nested loops took 3.3 s per message before. Each of these would take far longer
 * than the render budget on any machine (hundreds of millions of loop turns, or gigabytes of
 * text), so whether they stop never depends on the machine's speed.
 */
const scope = templateScope(profile('p1', { name: 'Ann' }), undefined, JOURNEY);

/** 50^5 ≈ 312 million turns of an empty loop: no text, no memory, only time. */
const NESTED_LOOPS =
  '{% assign r = (1..50) %}{% for a in r %}{% for b in r %}{% for c in r %}{% for d in r %}{% for e in r %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}';
/** A text doubled thirty times: a gigabyte, in a few lines. */
const DOUBLING =
  '{% assign s = "x" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}';
/** Ten million characters of plain output from two loops. */
const HUGE_OUTPUT =
  '{% for a in (1..1000) %}{% for b in (1..1000) %}0123456789{% endfor %}{% endfor %}';

describe('template limits', () => {
  it('stops nested loops with template-too-slow, at the loop', () => {
    const outcome = renderTemplate(NESTED_LOOPS, scope);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'template-too-slow' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/too slow/);
  });

  it('stops a text that keeps growing with template-too-large', () => {
    expect(renderTemplate(DOUBLING, scope)).toMatchObject({
      ok: false,
      error: { code: 'template-too-large' },
    });
  });

  it('refuses a rendered text past the size a message can have', () => {
    const outcome = renderTemplate(HUGE_OUTPUT, scope);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(['template-too-large', 'template-too-slow']).toContain(outcome.error.code);
  });

  it('refuses to read a template longer than 100,000 characters, with template-too-large', () => {
    const outcome = parseTemplate(`Hi ${'x'.repeat(100_000)}`);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'template-too-large' } });
    expect(parseTemplate('x'.repeat(99_000)).ok).toBe(true);
  });

  it('gives other errors no limit code, and renders an ordinary template', () => {
    const outcome = renderTemplate('{{ profile.name | append }}', scope);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBeUndefined();
    expect(renderTemplate('Hi {{ profile.name }}', scope)).toEqual({ ok: true, text: 'Hi Ann' });
  });

  it('gives each field of a message its own budget: one hostile field fails, the others render', () => {
    const rendered = renderMessage(
      'email',
      { subject: 'Hello {{ profile.name }}', preheader: '', body: NESTED_LOOPS },
      scope,
    );
    expect(rendered.subject).toEqual({ ok: true, text: 'Hello Ann' });
    expect(rendered.body).toMatchObject({ ok: false, error: { code: 'template-too-slow' } });
  });

  it('counts the SMS parts of a hostile template from its source, the same for every customer', () => {
    const counter = smsPartCounter(`{{ profile.name }}${NESTED_LOOPS}`, {
      id: 'j',
      name: 'J',
      unsubscribeUrl: 'https://u.invalid',
    });
    // Three customers with different names: an ordinary template renders for each; this one
    // stopped on the first and is not tried again (each try would spend the whole budget).
    const parts = ['Ann', 'Bob', 'Cy'].map((name) =>
      counter({ ...profile(name, { name }) }, undefined),
    );
    expect(parts).toEqual([parts[0], parts[0], parts[0]]);
    expect(parts[0]).toBeGreaterThan(0);
  });
});
