import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specSchema, type Profile } from '../../../src/domain/index.ts';
import { renderContent } from '../../../src/executor/engine/send-intent.ts';

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
