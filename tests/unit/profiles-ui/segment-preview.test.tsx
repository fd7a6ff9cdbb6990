// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../../../src/domain/conditions/condition-schema.ts';
import { SegmentPreview } from '../../../src/features/profiles/segment/segment-preview.tsx';
import { person, testServices, withServices } from './services.tsx';

const PRO: ConditionGroup = {
  type: 'group',
  op: 'and',
  rules: [
    { type: 'attribute', attribute: 'plan', valueType: 'text', operator: 'equals', value: 'pro' },
  ],
};
const BUYERS: ConditionGroup = {
  type: 'group',
  op: 'and',
  rules: [
    {
      type: 'event_count',
      event: 'order_placed',
      comparison: 'at_least',
      count: 2,
      withinDays: null,
      propertyFilters: [],
    },
  ],
};

async function seeded() {
  const services = testServices();
  const a = await services.repo.createProfileSet({ name: 'Set A', source: 'manual' });
  await services.repo.importIntoSet(
    a.id,
    [
      person('1', 'A', 'a@x.io', 'pro', 3),
      person('2', 'B', 'b@x.io', 'free', 0),
      person('3', 'C', 'c@x.io', 'pro', 0),
    ],
    { mode: 'replace' },
  );
  const b = await services.repo.createProfileSet({ name: 'Set B', source: 'manual' });
  await services.repo.importIntoSet(b.id, [person('9', 'Z', 'z@x.io', 'free', 4)], {
    mode: 'replace',
  });
  return { services, a, b };
}

describe('segment preview', () => {
  it('counts the profiles of the given set that match, and recounts when the condition changes', async () => {
    const { services, a } = await seeded();
    const view = (condition: ConditionGroup) =>
      withServices(
        services,
        [
          {
            path: '/',
            element: (
              <SegmentPreview
                condition={condition}
                setId={a.id}
                debounceMs={10}
                now={Date.UTC(2026, 0, 1)}
              />
            ),
          },
        ],
        '/',
      );
    const { rerender } = render(view(PRO));
    expect(await screen.findByText('2 of 3 profiles match (66.7%)')).toBeInTheDocument();
    rerender(view(BUYERS));
    expect(await screen.findByText('1 of 3 profiles match (33.3%)')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Profile set' })).not.toBeInTheDocument();
  });

  it('offers a set picker when no set is given', async () => {
    const user = userEvent.setup();
    const { services, a } = await seeded();
    render(
      withServices(
        services,
        [{ path: '/', element: <SegmentPreview condition={BUYERS} debounceMs={10} /> }],
        '/',
      ),
    );
    const picker = await screen.findByRole('combobox', { name: 'Profile set' });
    await user.selectOptions(picker, a.id);
    expect(await screen.findByText('1 of 3 profiles match (33.3%)')).toBeInTheDocument();
    // A long name is cut in the select: the chosen set's whole name is its title.
    expect(picker).toHaveAttribute('title', 'Set A');
  });

  it('waits for an unfinished condition', async () => {
    const { services, a } = await seeded();
    const unfinished: ConditionGroup = {
      type: 'group',
      op: 'and',
      rules: [{ type: 'attribute', attribute: '', valueType: 'text', operator: 'equals' }],
    };
    render(
      withServices(
        services,
        [
          {
            path: '/',
            element: <SegmentPreview condition={unfinished} setId={a.id} debounceMs={10} />,
          },
        ],
        '/',
      ),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Finish the condition to see how many profiles match.',
    );
  });
});
