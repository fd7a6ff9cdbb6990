import { describe, expect, it } from 'vitest';
import { compile, templateContextFrom, validate } from '../../../src/domain/index.ts';
import { simpleDoc } from '../journey/doc-fixture.ts';
import { profile } from './fixtures.ts';

function withSubject(subject: string) {
  const doc = simpleDoc();
  const email = doc.steps.find((s) => s.kind === 'email');
  if (email === undefined) throw new Error('fixture has no email');
  email.config = { ...email.config, subject };
  return { doc, stepId: email.id };
}

describe('template checks in the validator and the compiler', () => {
  it('points a broken tag at its step, field, line and column, and refuses to compile it', () => {
    const { doc, stepId } = withSubject('Hi {{profile.nmae}} {% if %}');
    expect(validate(doc)).toMatchObject([
      { severity: 'error', code: 'template-syntax', stepId, field: 'subject', line: 1, column: 26 },
    ]);
    expect(compile(doc).spec).toBeNull();
  });

  it('warns about a misspelt field with the suggestion; fixing it clears the warning', () => {
    const typo = withSubject('Hi {{profile.nmae}}');
    expect(validate(typo.doc)).toMatchObject([
      {
        severity: 'warning',
        code: 'template-unknown-field',
        stepId: typo.stepId,
        field: 'subject',
        suggestion: 'profile.name',
      },
    ]);
    expect(validate(withSubject('Hi {{ profile.name | default: "there" }}').doc)).toEqual([]);
  });

  it('uses the profile set given for custom fields and the share of missing values', () => {
    const { doc } = withSubject('Hi {{ profile.custom.tier }}');
    const context = templateContextFrom(
      [profile('a', { custom: { tier: 'gold' } }), profile('b', { custom: {} })],
      'Demo customers',
    );
    expect(validate(doc)).toEqual([]);
    expect(validate(doc, { templateContext: context })).toMatchObject([
      { code: 'template-missing-field', field: 'subject' },
    ]);
  });

  it('names the template language and engine version in the spec', () => {
    const { spec } = compile(simpleDoc());
    expect(spec?.templates).toMatchObject({
      language: 'liquid',
      engine: 'liquidjs',
      missingVariable: 'empty',
      fields: { email: ['subject', 'preheader', 'body'], sms: ['text'] },
    });
  });
});
