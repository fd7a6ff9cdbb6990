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
    expect(screen.getAllByRole('listitem')).toHaveLength(21);
  });

  it('names each entry by its visible text alone, the description being its tooltip', () => {
    render(<Palette onAdd={() => {}} />);
    const email = screen.getByRole('button', { name: 'Email' });
    expect(email).toHaveTextContent(/^Email$/);
    expect(email).toHaveAccessibleDescription('Send an email.');
    expect(screen.getAllByRole('tooltip', { hidden: true })).toHaveLength(21);
  });

  it('searches the descriptions too', async () => {
    const user = userEvent.setup();
    render(<Palette onAdd={() => {}} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search steps' }), 'send an email');
    expect(screen.getByRole('button', { name: 'Email' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'SMS' })).toBeNull();
  });

  it('hides, and the choice is remembered for the next visit', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Palette onAdd={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Hide the step palette' }));
    expect(screen.queryByRole('navigation', { name: 'Step palette' })).toBeNull();
    unmount();
    expect(JSON.parse(localStorage.getItem('wayfinder.editor-layout') ?? '{}')).toMatchObject({
      paletteOpen: false,
    });
    // Another tab (here: the test) puts it back; the store takes the change from `storage`.
    localStorage.removeItem('wayfinder.editor-layout');
    window.dispatchEvent(new StorageEvent('storage', { key: 'wayfinder.editor-layout' }));
    render(<Palette onAdd={() => {}} />);
    expect(screen.getByRole('navigation', { name: 'Step palette' })).toBeVisible();
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
