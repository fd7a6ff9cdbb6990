// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  conditionGroupSchema,
  emptyConditionGroup,
  STEP_DEFINITION_LIST,
} from '../../../src/domain/index.ts';
import { SchemaForm } from '../../../src/ui/schema-form/schema-form.tsx';
import { controlled } from './controlled.tsx';

const kitchenSink = z.object({
  title: z.string().meta({ title: 'Headline', description: 'Shown at the top.' }),
  body: z.string(),
  notes: z.string().meta({ widget: 'textarea' }),
  count: z.number().int().positive(),
  priority: z.enum(['low', 'high']),
  urgent: z.boolean(),
  version: z.literal(2),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  tags: z.array(z.string()),
  days: z.array(z.enum(['mon', 'tue'])),
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('event'), event: z.string() }),
    z.object({ type: z.literal('engagement'), engagement: z.enum(['opened', 'clicked']) }),
  ]),
  button: z.object({ label: z.string(), url: z.string() }),
  audience: conditionGroupSchema,
  extra: z
    .object({ rate: z.number().min(0).max(1) })
    .partial()
    .optional(),
});
type Sink = z.input<typeof kitchenSink>;

const sinkValue: Sink = {
  title: 'Hi',
  body: 'Hello',
  notes: '',
  count: 2,
  priority: 'low',
  urgent: false,
  version: 2,
  headers: [{ name: 'X-A', value: '1' }],
  tags: ['vip'],
  days: ['mon'],
  target: { type: 'event', event: 'order_placed' },
  button: { label: 'Go', url: 'https://x.example' },
  audience: emptyConditionGroup(),
};

function renderForm<T>(
  schema: z.ZodType,
  initial: T,
  extra: Partial<Parameters<typeof SchemaForm>[0]> = {},
) {
  const state = controlled<unknown>(initial);
  render(
    <state.Harness
      render={(value, onChange) => (
        <SchemaForm schema={schema} value={value} onChange={onChange} {...extra} />
      )}
    />,
  );
  return state;
}

describe('SchemaForm', () => {
  it('draws a labelled control for each kind of schema node', () => {
    renderForm(kitchenSink, sinkValue);
    expect(screen.getByRole('textbox', { name: 'Headline' })).toHaveValue('Hi');
    expect(screen.getByText('Shown at the top.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Body' }).tagName).toBe('TEXTAREA');
    expect(screen.getByRole('textbox', { name: 'Notes' }).tagName).toBe('TEXTAREA');
    expect(screen.getByRole('spinbutton', { name: 'Count' })).toHaveValue(2);
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('low');
    expect(screen.getByRole('checkbox', { name: 'Urgent' })).not.toBeChecked();
    expect(screen.getByText('Version').nextSibling).toHaveTextContent('2');
    const headers = screen.getByRole('group', { name: 'Headers' });
    expect(within(headers).getByRole('textbox', { name: 'Name' })).toHaveValue('X-A');
    expect(screen.getByRole('list', { name: 'Tags' })).toHaveTextContent('vip');
    expect(screen.getByRole('checkbox', { name: 'Mon' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Target type' })).toHaveValue('event');
    expect(screen.getByRole('combobox', { name: 'Event' })).toHaveValue('order_placed');
    expect(
      within(screen.getByRole('group', { name: 'Button' })).getByRole('textbox', { name: 'URL' }),
    ).toHaveValue('https://x.example');
    expect(screen.getByRole('group', { name: 'Audience' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add extra' })).toBeInTheDocument();
  });

  it('shows a field error as you type and clears it when fixed', async () => {
    const user = userEvent.setup();
    const state = renderForm(kitchenSink, sinkValue);
    const count = screen.getByRole('spinbutton', { name: 'Count' });
    await user.clear(count);
    await user.type(count, '0');
    expect(count).toHaveAttribute('aria-invalid', 'true');
    const message = document.getElementById(count.getAttribute('aria-describedby') ?? '');
    expect(message).toHaveTextContent('Must be more than 0.');
    expect(state.last()).toMatchObject({ count: 0 });
    await user.type(count, '5');
    expect(count).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Must be more than 0.')).not.toBeInTheDocument();
    expect(state.last()).toMatchObject({ count: 5 });
  });

  it('keeps emitting while invalid: an emptied required number is reported, not blocked', async () => {
    const user = userEvent.setup();
    const state = renderForm(kitchenSink, sinkValue);
    const count = screen.getByRole('spinbutton', { name: 'Count' });
    await user.clear(count);
    expect(state.last()).not.toHaveProperty('count');
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count).toHaveAccessibleDescription('Required.');
  });

  it('adds, reorders and removes rows of an object list', async () => {
    const user = userEvent.setup();
    const state = renderForm(kitchenSink, sinkValue);
    await user.click(screen.getByRole('button', { name: '+ Add header' }));
    const second = screen.getByRole('group', { name: 'Header 2' });
    expect(within(second).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.type(within(second).getByRole('textbox', { name: 'Name' }), 'X-B');
    await user.click(screen.getByRole('button', { name: 'Move header 2 up' }));
    expect((state.last() as Sink).headers.map((h) => h.name)).toEqual(['X-B', 'X-A']);
    await user.click(screen.getByRole('button', { name: 'Remove header 1' }));
    expect((state.last() as Sink).headers.map((h) => h.name)).toEqual(['X-A']);
  });

  it('adds chips to a string list with Enter and removes them', async () => {
    const user = userEvent.setup();
    const state = renderForm(kitchenSink, sinkValue);
    await user.type(screen.getByRole('textbox', { name: 'Add tag' }), 'gold{Enter}');
    expect((state.last() as Sink).tags).toEqual(['vip', 'gold']);
    await user.click(screen.getByRole('button', { name: 'Remove vip' }));
    expect((state.last() as Sink).tags).toEqual(['gold']);
  });

  it('switches the sub-form of a discriminated union', async () => {
    const user = userEvent.setup();
    const state = renderForm(kitchenSink, sinkValue);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Target type' }), 'engagement');
    expect((state.last() as Sink).target).toEqual({ type: 'engagement', engagement: 'opened' });
    expect(screen.getByRole('combobox', { name: 'Engagement' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Event' })).not.toBeInTheDocument();
  });

  it('adds and removes an optional nested object', async () => {
    const user = userEvent.setup();
    const state = renderForm(kitchenSink, sinkValue);
    await user.click(screen.getByRole('button', { name: '+ Add extra' }));
    expect(state.last()).toMatchObject({ extra: {} });
    await user.type(screen.getByRole('spinbutton', { name: 'Rate' }), '2');
    expect(screen.getByRole('spinbutton', { name: 'Rate' })).toHaveAccessibleDescription(
      'Must be at most 1.',
    );
    await user.click(screen.getByRole('button', { name: 'Remove extra' }));
    expect(state.last()).not.toHaveProperty('extra');
  });

  it('shows the validator’s diagnostics beside their field, config prefix or not', () => {
    renderForm(kitchenSink, sinkValue, {
      issues: [
        { severity: 'error', message: 'Write a subject line.', field: 'title' },
        { severity: 'warning', message: 'Long body.', field: 'config.body' },
      ],
    });
    expect(screen.getByRole('textbox', { name: 'Headline' })).toHaveAccessibleDescription(
      'Shown at the top. Write a subject line.',
    );
    const body = screen.getByRole('textbox', { name: 'Body' });
    expect(body).toHaveAccessibleDescription('Long body.');
    expect(body).not.toHaveAttribute('aria-invalid');
  });

  it('offers event suggestions on fields named event', () => {
    renderForm(kitchenSink, sinkValue, {
      suggestions: { attributes: [], events: ['order_placed', 'cart_updated'] },
    });
    const event = screen.getByRole('combobox', { name: 'Event' });
    const list = document.getElementById(event.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual([
      'order_placed',
      'cart_updated',
    ]);
  });

  it('uses the condition builder for a meta widget', () => {
    const schema = z.object({ who: z.unknown().meta({ widget: 'condition', title: 'Who' }) });
    renderForm(schema, { who: emptyConditionGroup() });
    expect(screen.getByRole('group', { name: 'Who' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add attribute rule' })).toBeInTheDocument();
  });

  it.each(STEP_DEFINITION_LIST.map((d) => [d.kind, d] as const))(
    'draws the %s step form from its default config without errors',
    (_kind, definition) => {
      renderForm(definition.configSchema, definition.defaultConfig());
      expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
      for (const control of document.querySelectorAll(
        'input:not([type=radio]), select, textarea',
      )) {
        const id = control.getAttribute('id');
        const labelled = id !== null && document.querySelector(`label[for="${id}"]`) !== null;
        expect(labelled || control.closest('label') !== null).toBe(true);
      }
    },
  );
});
