// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Palette } from '../../../src/features/editor/palette/palette.tsx';

describe('Palette', () => {
  it('groups every kind under Triggers, Conditions, Waits and Actions with a description', () => {
    render(<Palette onAdd={() => {}} />);
    for (const name of ['Triggers', 'Conditions', 'Waits', 'Actions']) {
      expect(screen.getByRole('heading', { name })).toBeVisible();
    }
    const actions = screen.getByRole('region', { name: 'Actions' });
    const email = within(actions).getByRole('button', { name: 'Email' });
    expect(email).toBeVisible();
    expect(email).toHaveAccessibleDescription(/.+/);
    expect(screen.getAllByRole('button')).toHaveLength(21);
  });

  it('search filters the kinds and hides empty groups', async () => {
    const user = userEvent.setup();
    render(<Palette onAdd={() => {}} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search steps' }), 'sms');
    expect(screen.getByRole('button', { name: 'SMS' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Email' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Triggers' })).toBeNull();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'zzzz');
    expect(screen.getByText(/No step matches/)).toBeVisible();
  });

  it('Enter on an item adds that kind, by keyboard alone', async () => {
    const user = userEvent.setup();
    const onAdd = vi.fn();
    render(<Palette onAdd={onAdd} />);
    await user.type(screen.getByRole('searchbox'), 'delay');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Delay' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith('delay');
  });

  it('items are draggable with the step kind as data', () => {
    render(<Palette onAdd={() => {}} />);
    const item = screen.getByRole('button', { name: 'Wait for event' });
    expect(item).toHaveAttribute('draggable', 'true');
  });
});
