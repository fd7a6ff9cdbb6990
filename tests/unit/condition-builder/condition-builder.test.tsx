// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  conditionGroupSchema,
  emptyConditionGroup,
  OPERATORS_BY_VALUE_TYPE,
  type ConditionGroup,
} from '../../../src/domain/index.ts';
import { ConditionBuilder } from '../../../src/ui/condition-builder/condition-builder.tsx';
import type { Suggestions } from '../../../src/ui/condition-builder/suggestions.ts';
import { controlled } from '../inspector/controlled.tsx';

const suggestions: Suggestions = {
  attributes: ['custom.lifetimeValue'],
  events: ['order_placed', 'cart_updated'],
  attributeTypes: { 'custom.lifetimeValue': 'number' },
};

function renderBuilder(initial: ConditionGroup = emptyConditionGroup()) {
  const state = controlled<ConditionGroup>(initial);
  render(
    <state.Harness
      render={(value, onChange) => (
        <ConditionBuilder
          label="Condition"
          value={value}
          onChange={onChange}
          suggestions={suggestions}
        />
      )}
    />,
  );
  return state;
}

function operatorOptions(name: string): string[] {
  const select = screen.getByRole('combobox', { name });
  return within(select)
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value);
}

describe('ConditionBuilder', () => {
  it('builds a valid group with every kind of rule and a nested group', async () => {
    const user = userEvent.setup();
    const state = renderBuilder();
    expect(screen.getByText('everyone')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add attribute rule' }));
    expect(screen.getByRole('combobox', { name: 'Rule 1 attribute' })).toHaveFocus();
    await user.type(screen.getByRole('combobox', { name: 'Rule 1 attribute' }), 'plan');
    await user.type(screen.getByRole('textbox', { name: 'Rule 1 value' }), 'pro');

    await user.click(screen.getByRole('button', { name: 'Add event rule' }));
    await user.type(screen.getByRole('combobox', { name: 'Rule 2 event' }), 'order_placed');
    await user.click(screen.getByRole('button', { name: '+ Add filter' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter 1 property' }), 'amount');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter 1 operator' }), 'gte');
    await user.type(screen.getByRole('spinbutton', { name: 'Filter 1 value' }), '50');

    await user.click(screen.getByRole('button', { name: 'Add reachable rule' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 3 channel' }), 'sms');

    await user.click(screen.getByRole('button', { name: 'Add nested group' }));
    const nested = screen.getByRole('group', { name: 'Group 4' });
    await user.click(within(nested).getByRole('radio', { name: 'any (OR)' }));
    await user.click(within(nested).getByRole('button', { name: 'Add control group rule' }));
    await user.selectOptions(
      within(nested).getByRole('combobox', { name: 'Rule 1 control group' }),
      'in',
    );

    const result = conditionGroupSchema.parse(state.last());
    expect(result).toEqual({
      type: 'group',
      op: 'and',
      rules: [
        {
          type: 'attribute',
          attribute: 'plan',
          valueType: 'text',
          operator: 'equals',
          value: 'pro',
        },
        {
          type: 'event_count',
          event: 'order_placed',
          comparison: 'at_least',
          count: 1,
          withinDays: 30,
          propertyFilters: [{ property: 'amount', operator: 'gte', value: 50 }],
        },
        { type: 'reachable', channel: 'sms' },
        { type: 'group', op: 'or', rules: [{ type: 'control_group', inGroup: true }] },
      ],
    });
    expect(screen.getByText(/Plan is "pro", order_placed at least 1 time/)).toBeInTheDocument();
  });

  it('removes rules and groups', async () => {
    const user = userEvent.setup();
    const state = renderBuilder({
      type: 'group',
      op: 'and',
      rules: [
        { type: 'reachable', channel: 'email' },
        { type: 'group', op: 'or', rules: [] },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Remove group 2' }));
    expect(state.last()?.rules).toEqual([{ type: 'reachable', channel: 'email' }]);
    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(state.last()?.rules).toEqual([]);
    expect(screen.getByRole('button', { name: 'Add attribute rule' })).toHaveFocus();
  });

  it('toggles between AND and OR', async () => {
    const user = userEvent.setup();
    const state = renderBuilder();
    await user.click(screen.getByRole('radio', { name: 'any (OR)' }));
    expect(state.last()?.op).toBe('or');
    await user.click(screen.getByRole('radio', { name: 'all (AND)' }));
    expect(state.last()?.op).toBe('and');
  });

  it('offers only the operators of the attribute’s value type', async () => {
    const user = userEvent.setup();
    const state = renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add attribute rule' }));
    expect(operatorOptions('Rule 1 operator')).toEqual([...OPERATORS_BY_VALUE_TYPE.text]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 1 value type' }), 'number');
    expect(operatorOptions('Rule 1 operator')).toEqual([...OPERATORS_BY_VALUE_TYPE.number]);
    expect(operatorOptions('Rule 1 operator')).not.toContain('contains');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Rule 1 value type' }),
      'boolean',
    );
    expect(operatorOptions('Rule 1 operator')).toEqual([...OPERATORS_BY_VALUE_TYPE.boolean]);
    expect(state.last()?.rules[0]).toEqual({
      type: 'attribute',
      attribute: '',
      valueType: 'boolean',
      operator: 'is_true',
    });
  });

  it('picks the value type of a known attribute', async () => {
    const user = userEvent.setup();
    const state = renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add attribute rule' }));
    await user.type(screen.getByRole('combobox', { name: 'Rule 1 attribute' }), 'birthday');
    expect(screen.getByRole('combobox', { name: 'Rule 1 value type' })).toHaveValue('date');
    await user.clear(screen.getByRole('combobox', { name: 'Rule 1 attribute' }));
    await user.type(
      screen.getByRole('combobox', { name: 'Rule 1 attribute' }),
      'custom.lifetimeValue',
    );
    expect(state.last()?.rules[0]).toMatchObject({ valueType: 'number', operator: 'equals' });
  });

  it('shows value inputs fitting the operator: none, one, two, or days', async () => {
    const user = userEvent.setup();
    const state = renderBuilder({
      type: 'group',
      op: 'and',
      rules: [
        {
          type: 'attribute',
          attribute: 'custom.lifetimeValue',
          valueType: 'number',
          operator: 'gt',
          value: 5,
        },
      ],
    });
    const operator = () => screen.getByRole('combobox', { name: 'Rule 1 operator' });
    expect(screen.getByRole('spinbutton', { name: 'Rule 1 value' })).toHaveValue(5);

    await user.selectOptions(operator(), 'between');
    expect(screen.getByRole('spinbutton', { name: 'Rule 1 from' })).toHaveValue(5);
    await user.type(screen.getByRole('spinbutton', { name: 'Rule 1 to' }), '10');
    expect(state.last()?.rules[0]).toMatchObject({ operator: 'between', value: 5, value2: 10 });

    await user.selectOptions(operator(), 'is_set');
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(state.last()?.rules[0]).not.toHaveProperty('value');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rule 1 value type' }), 'date');
    await user.selectOptions(operator(), 'within_last_days');
    await user.type(screen.getByRole('spinbutton', { name: 'Rule 1 days' }), '14');
    expect(state.last()?.rules[0]).toMatchObject({
      valueType: 'date',
      operator: 'within_last_days',
      value: 14,
    });
    expect(conditionGroupSchema.safeParse(state.last()).success).toBe(true);
  });

  it('reports an incomplete rule beside its input as you type', async () => {
    const user = userEvent.setup();
    renderBuilder();
    await user.click(screen.getByRole('button', { name: 'Add attribute rule' }));
    const attribute = screen.getByRole('combobox', { name: 'Rule 1 attribute' });
    expect(attribute).toHaveAttribute('aria-invalid', 'true');
    expect(attribute).toHaveAccessibleDescription('Choose an attribute.');
    await user.type(attribute, 'plan');
    expect(attribute).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('textbox', { name: 'Rule 1 value' })).toHaveAccessibleDescription(
      'Enter a value to compare Plan with.',
    );
  });

  it('can be driven by keyboard alone', async () => {
    const user = userEvent.setup();
    const state = renderBuilder();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'all (AND)' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(state.last()?.op).toBe('or');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add attribute rule' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('combobox', { name: 'Rule 1 event' })).toHaveFocus();
    await user.keyboard('signed_up');
    expect(state.last()?.rules[0]).toMatchObject({ type: 'event_count', event: 'signed_up' });
  });

  it('offers attribute and event suggestions', () => {
    renderBuilder({
      type: 'group',
      op: 'and',
      rules: [
        {
          type: 'event_count',
          event: '',
          comparison: 'at_least',
          count: 1,
          withinDays: null,
          propertyFilters: [],
        },
      ],
    });
    const event = screen.getByRole('combobox', { name: 'Rule 1 event' });
    const options = document
      .getElementById(event.getAttribute('list') ?? '')
      ?.querySelectorAll('option');
    expect([...(options ?? [])].map((o) => o.value)).toEqual(['order_placed', 'cart_updated']);
  });
});
