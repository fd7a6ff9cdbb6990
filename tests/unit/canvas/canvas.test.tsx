// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { act, isInaccessible, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createJourney, sequentialIds, type Diagnostic } from '../../../src/domain/index.ts';
import { createEditorStore, type EditorStore } from '../../../src/editor/index.ts';
import { JourneyCanvas } from '../../../src/features/editor/canvas/journey-canvas.tsx';

function welcomeStore(): {
  store: EditorStore;
  ids: Record<'trigger' | 'email' | 'check', string>;
} {
  const store = createEditorStore(
    createJourney('Welcome', 0, () => 'j1'),
    { newId: sequentialIds('s') },
  );
  const add = (kind: string, x: number) => {
    store.dispatch('addStep', { kind, position: { x, y: 0 } });
    return store.getState().selection.stepIds[0] ?? '';
  };
  const trigger = add('event', 0);
  const email = add('email', 300);
  const check = add('if_else', 600);
  store.dispatch('updateStepLabel', { stepId: email, label: 'Welcome aboard' });
  store.dispatch('connect', { from: trigger, branch: 'next', to: email });
  store.dispatch('connect', { from: email, branch: 'next', to: check });
  store.dispatch('clearSelection');
  store.load(store.getState().document);
  return { store, ids: { trigger, email, check } };
}

describe('JourneyCanvas', () => {
  it('draws each step with its kind, label, summary and labelled branch handles', () => {
    const { store } = welcomeStore();
    render(<JourneyCanvas store={store} showPalette={false} />);
    const email = screen.getByRole('group', { name: 'Email step: Welcome aboard' });
    expect(email).toBeVisible();
    expect(within(email).getByText('Welcome aboard')).toBeVisible();
    // A fresh email has nothing set up: its summary says what it does instead of repeating "Email".
    expect(
      within(email).getByText('Send an email.', { selector: '.step-node__summary' }),
    ).toBeVisible();
    expect(within(email).getByText('Email', { selector: '.step-node__kind' })).toBeVisible();
    const condition = screen.getByRole('group', { name: 'If / else step: If / else' });
    expect(condition).toBeVisible();
    expect(within(condition).getByLabelText('Yes branch of If / else')).toBeVisible();
    expect(within(condition).getByLabelText('No branch of If / else')).toBeVisible();
    expect(
      within(condition).getByRole('button', {
        name: 'Add a step after the Yes branch of If / else',
      }),
    ).toBeVisible();
    const trigger = screen.getByRole('group', { name: 'Event step: Event' });
    expect(within(trigger).queryByLabelText('Into Event')).toBeNull();
    expect(within(email).getByLabelText('Into Welcome aboard')).toBeVisible();
  });

  it('names each arrow’s "+" by the steps it joins, so a screen reader can tell them apart', async () => {
    const user = userEvent.setup();
    const { store, ids } = welcomeStore();
    render(<JourneyCanvas store={store} showPalette={false} />);
    const first = screen.getByRole('button', {
      name: 'Insert a step between Event (Next) and Welcome aboard',
    });
    expect(
      screen.getByRole('button', {
        name: 'Insert a step between Welcome aboard (Next) and If / else',
      }),
    ).toBeVisible();
    await user.click(first);
    const menu = await screen.findByRole('menu', { name: 'Insert a step' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Delay' }));
    const delay = store.getState().document.steps.find((s) => s.kind === 'delay');
    expect(store.getState().document.connections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: ids.trigger, to: delay?.id }),
        expect.objectContaining({ from: delay?.id, to: ids.email }),
      ]),
    );
  });

  it('shows an error badge from diagnostics', () => {
    const { store, ids } = welcomeStore();
    const diagnostics: Diagnostic[] = [
      {
        severity: 'error',
        code: 'required-field',
        message: 'Write a subject line.',
        params: { what: 'subject', n: 0 },
        stepId: ids.email,
        field: 'subject',
      },
    ];
    render(<JourneyCanvas store={store} diagnostics={diagnostics} showPalette={false} />);
    const email = screen.getByRole('group', { name: 'Email step: Welcome aboard' });
    expect(
      within(email).getByRole('img', { name: '1 error: Write a subject line.' }),
    ).toBeVisible();
  });

  it('draws simulation counts on nodes and edges', () => {
    const { store, ids } = welcomeStore();
    const [first] = store.getState().document.connections;
    render(
      <JourneyCanvas
        store={store}
        showPalette={false}
        overlay={{
          stepCounts: { [ids.email]: { entered: 1234 } },
          connectionCounts: { [first?.id ?? '']: 1200 },
        }}
      />,
    );
    const email = screen.getByRole('group', { name: 'Email step: Welcome aboard' });
    expect(within(email).getByTitle('Simulated profiles that entered')).toHaveTextContent(
      '1,234 entered',
    );
    expect(screen.getByText('1,200')).toBeVisible();
    expect(isInaccessible(screen.getByText('1,200'))).toBe(true);
    // Drawn only from zoom 0.6 on: screen readers hear the count in the arrow's name instead.
    expect(
      screen.getByRole('group', { name: /^Connection from .+: 1,200 in the simulation$/ }),
    ).toBeInTheDocument();
  });

  it('Delete removes the selected step and Ctrl+Z brings it back', async () => {
    const user = userEvent.setup();
    const { store, ids } = welcomeStore();
    render(<JourneyCanvas store={store} showPalette={false} />);
    act(() => void store.dispatch('setSelection', { stepIds: [ids.email] }));
    await user.keyboard('{Delete}');
    expect(screen.queryByRole('group', { name: 'Email step: Welcome aboard' })).toBeNull();
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('group', { name: 'Email step: Welcome aboard' })).toBeVisible();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(screen.queryByRole('group', { name: 'Email step: Welcome aboard' })).toBeNull();
  });

  it('Ctrl+D duplicates and Ctrl+A selects all', async () => {
    const user = userEvent.setup();
    const { store, ids } = welcomeStore();
    const onSelectionChange = vi.fn();
    render(
      <JourneyCanvas store={store} showPalette={false} onSelectionChange={onSelectionChange} />,
    );
    act(() => void store.dispatch('setSelection', { stepIds: [ids.email] }));
    await user.keyboard('{Control>}d{/Control}');
    expect(screen.getAllByRole('group', { name: 'Email step: Welcome aboard' })).toHaveLength(2);
    await user.keyboard('{Control>}a{/Control}');
    expect(onSelectionChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ stepIds: expect.arrayContaining([ids.trigger]) }),
    );
    expect(store.getState().selection.stepIds).toHaveLength(4);
  });

  it('? opens the shortcuts help dialog', async () => {
    const user = userEvent.setup();
    const { store } = welcomeStore();
    render(<JourneyCanvas store={store} showPalette={false} />);
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toBeVisible();
    expect(within(dialog).getByText('Undo')).toBeVisible();
  });

  it('Enter on a palette item adds a connected step after the selected step', async () => {
    const user = userEvent.setup();
    const { store, ids } = welcomeStore();
    render(<JourneyCanvas store={store} />);
    act(() => void store.dispatch('setSelection', { stepIds: [ids.check] }));
    screen.getByRole('button', { name: 'SMS' }).focus();
    await user.keyboard('{Enter}');
    const sms = screen.getByRole('group', { name: 'SMS step: SMS' });
    expect(sms).toBeVisible();
    const added = store.getState().selection.stepIds[0];
    expect(store.getState().document.connections).toContainEqual(
      expect.objectContaining({ from: ids.check, fromBranch: 'yes', to: added }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('SMS step added');
  });

  it('the "+" on a free branch opens the insert menu and adds the chosen kind there', async () => {
    const user = userEvent.setup();
    const { store, ids } = welcomeStore();
    render(<JourneyCanvas store={store} showPalette={false} />);
    await user.click(
      screen.getByRole('button', { name: 'Add a step after the No branch of If / else' }),
    );
    const menu = await screen.findByRole('menu', { name: 'Insert a step' });
    expect(within(menu).queryByRole('menuitem', { name: 'Event' })).toBeNull();
    await user.click(within(menu).getByRole('menuitem', { name: 'Exit' }));
    expect(screen.getByRole('group', { name: 'Exit step: Exit' })).toBeVisible();
    expect(store.getState().document.connections).toContainEqual(
      expect.objectContaining({ from: ids.check, fromBranch: 'no' }),
    );
  });
});
